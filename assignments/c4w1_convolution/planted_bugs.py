"""One typical mistake per exercise: each must lose exactly that exercise's points.

conv_forward calls zero_pad and conv_single_step, and conv_backward calls zero_pad. Each mistake
planted in a called exercise is one its callers' checks see again (the planted-bug test grades the
callers with the buggy version too): zero_pad padding every axis gives conv_forward and
conv_backward windows with too many channels; conv_single_step without the bias gives Z without it.
The grader's cascade keeps the loss in the one exercise: when an exercise fails its own checks, its
callers are checked with the reference version in its place. No other exercise calls another
(train_and_predict is given the model it trains).
"""
PLANTED_BUGS = {
    # np.pad with one number pads all four axes: the examples and the channels get zeros too.
    "zero_pad": '''def zero_pad(X, pad):
    return np.pad(X, pad, mode="constant", constant_values=0)''',
    # The bias forgotten.
    "conv_single_step": '''def conv_single_step(a_slice_prev, W, b):
    return float(np.sum(a_slice_prev * W))''',
    # The stride ignored where a window starts: vert_start = h, not h * stride.
    "conv_forward": '''def conv_forward(A_prev, W, b, hparameters):
    m, n_H_prev, n_W_prev, n_C_prev = A_prev.shape
    f, _, _, n_C = W.shape
    stride, pad = hparameters["stride"], hparameters["pad"]
    n_H = (n_H_prev + 2 * pad - f) // stride + 1
    n_W = (n_W_prev + 2 * pad - f) // stride + 1
    Z = np.zeros((m, n_H, n_W, n_C))
    A_prev_pad = zero_pad(A_prev, pad)
    for i in range(m):
        for h in range(n_H):
            for w in range(n_W):
                a_slice_prev = A_prev_pad[i, h:h + f, w:w + f, :]
                for c in range(n_C):
                    Z[i, h, w, c] = conv_single_step(a_slice_prev, W[:, :, :, c], b[:, :, :, c])
    return Z, (A_prev, W, b, hparameters)''',
    # Each window pooled over all its channels at once, a vectorising slip: every channel gets one value.
    "pool_forward": '''def pool_forward(A_prev, hparameters, mode="max"):
    m, n_H_prev, n_W_prev, n_C = A_prev.shape
    f, stride = hparameters["f"], hparameters["stride"]
    n_H = (n_H_prev - f) // stride + 1
    n_W = (n_W_prev - f) // stride + 1
    A = np.zeros((m, n_H, n_W, n_C))
    for i in range(m):
        for h in range(n_H):
            for w in range(n_W):
                window = A_prev[i, h * stride:h * stride + f, w * stride:w * stride + f, :]
                A[i, h, w, :] = np.max(window) if mode == "max" else np.mean(window)
    return A, (A_prev, hparameters)''',
    # Course 1's habit: dW and db averaged over the m examples.
    "conv_backward": '''def conv_backward(dZ, cache):
    A_prev, W, b, hparameters = cache
    m, n_H_prev, n_W_prev, n_C_prev = A_prev.shape
    f = W.shape[0]
    stride, pad = hparameters["stride"], hparameters["pad"]
    _, n_H, n_W, n_C = dZ.shape
    dA_prev, dW, db = np.zeros(A_prev.shape), np.zeros(W.shape), np.zeros(b.shape)
    A_prev_pad, dA_prev_pad = zero_pad(A_prev, pad), zero_pad(dA_prev, pad)
    for i in range(m):
        for h in range(n_H):
            for w in range(n_W):
                vs, hs = h * stride, w * stride
                a_slice = A_prev_pad[i, vs:vs + f, hs:hs + f, :]
                for c in range(n_C):
                    dA_prev_pad[i, vs:vs + f, hs:hs + f, :] += W[:, :, :, c] * dZ[i, h, w, c]
                    dW[:, :, :, c] += a_slice * dZ[i, h, w, c]
                    db[:, :, :, c] += dZ[i, h, w, c]
        dA_prev[i] = dA_prev_pad[i, pad:pad + n_H_prev, pad:pad + n_W_prev, :]
    return dA_prev, dW / m, db / m''',
    # The classic course's mask, x == np.max(x): every tied entry gets the gradient.
    "pool_backward": '''def create_mask_from_window(x):
    return x == np.max(x)


def distribute_value(dz, shape):
    n_H, n_W = shape
    return np.ones(shape) * dz / (n_H * n_W)


def pool_backward(dA, cache, mode="max"):
    A_prev, hparameters = cache
    f, stride = hparameters["f"], hparameters["stride"]
    m, n_H, n_W, n_C = dA.shape
    dA_prev = np.zeros(A_prev.shape)
    for i in range(m):
        for h in range(n_H):
            for w in range(n_W):
                vs, hs = h * stride, w * stride
                for c in range(n_C):
                    if mode == "max":
                        mask = create_mask_from_window(A_prev[i, vs:vs + f, hs:hs + f, c])
                        dA_prev[i, vs:vs + f, hs:hs + f, c] += mask * dA[i, h, w, c]
                    else:
                        dA_prev[i, vs:vs + f, hs:hs + f, c] += distribute_value(dA[i, h, w, c], (f, f))
    return dA_prev''',
    # A softmax over one unit: it is always 1, whatever the picture.
    "happy_model": '''def happy_model():
    return keras.Sequential([
        keras.Input(shape=(64, 64, 3)),
        keras.layers.ZeroPadding2D(padding=3),
        keras.layers.Conv2D(32, 7),
        keras.layers.BatchNormalization(axis=3, momentum=0.9),
        keras.layers.ReLU(),
        keras.layers.MaxPool2D(),
        keras.layers.Flatten(),
        keras.layers.Dense(1, activation="softmax"),
    ])''',
    # Categorical cross-entropy on one sigmoid output: Keras normalises the single probability to 1,
    # the loss is 0 whatever the weights, and nothing is learned.
    "train_and_predict": '''def train_and_predict(model, X_train, y_train, X_eval, epochs=10, seed=0):
    keras.utils.set_random_seed(seed)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.001), loss="categorical_crossentropy",
                  metrics=["accuracy"])
    model.fit(X_train, y_train, epochs=epochs, batch_size=16, verbose=0)
    return model.predict(X_eval, verbose=0)''',
    # The softmax forgotten: the six outputs are scores, not probabilities.
    "convolutional_model": '''def convolutional_model(input_shape):
    inputs = keras.Input(shape=input_shape)
    x = keras.layers.Conv2D(8, 4, padding="same")(inputs)
    x = keras.layers.ReLU()(x)
    x = keras.layers.MaxPool2D(pool_size=8, strides=8, padding="same")(x)
    x = keras.layers.Conv2D(16, 2, padding="same")(x)
    x = keras.layers.ReLU()(x)
    x = keras.layers.MaxPool2D(pool_size=4, strides=4, padding="same")(x)
    x = keras.layers.Flatten()(x)
    outputs = keras.layers.Dense(6)(x)
    return keras.Model(inputs=inputs, outputs=outputs)''',
}
