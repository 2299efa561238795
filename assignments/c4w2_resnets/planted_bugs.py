"""One typical mistake per exercise: each must lose exactly that exercise's points.

ResNet50 and small_resnet call identity_block and convolutional_block. Each mistake planted in a block
is one their checks see again (the planted-bug test grades the callers with the buggy version too): the
skip added after the last ReLU puts the Add layer after the ReLU in every identity block; the shortcut
without BatchNormalization leaves a layer out of every convolutional block. The grader's cascade keeps
the loss in the block: when a block fails its own checks, its callers are checked with the reference
version in its place. train_and_predict is given the model it trains, and calls no other exercise.
"""
PLANTED_BUGS = {
    # The shortcut added after the last ReLU: a = g(z) + a_shortcut instead of g(z + a_shortcut).
    "identity_block": '''def identity_block(X, f, filters, initializer=keras.initializers.GlorotUniform):
    F1, F2, F3 = filters
    X_shortcut = X
    X = Conv2D(F1, 1, strides=1, padding="valid", kernel_initializer=initializer(seed=0))(X)
    X = BatchNormalization(axis=3, momentum=0.9)(X)
    X = Activation("relu")(X)
    X = Conv2D(F2, f, strides=1, padding="same", kernel_initializer=initializer(seed=0))(X)
    X = BatchNormalization(axis=3, momentum=0.9)(X)
    X = Activation("relu")(X)
    X = Conv2D(F3, 1, strides=1, padding="valid", kernel_initializer=initializer(seed=0))(X)
    X = BatchNormalization(axis=3, momentum=0.9)(X)
    X = Activation("relu")(X)
    X = Add()([X, X_shortcut])
    return X''',
    # The projection without its batch normalisation.
    "convolutional_block": '''def convolutional_block(X, f, filters, s=2, initializer=keras.initializers.GlorotUniform):
    F1, F2, F3 = filters
    X_shortcut = X
    X = Conv2D(F1, 1, strides=s, padding="valid", kernel_initializer=initializer(seed=0))(X)
    X = BatchNormalization(axis=3, momentum=0.9)(X)
    X = Activation("relu")(X)
    X = Conv2D(F2, f, strides=1, padding="same", kernel_initializer=initializer(seed=0))(X)
    X = BatchNormalization(axis=3, momentum=0.9)(X)
    X = Activation("relu")(X)
    X = Conv2D(F3, 1, strides=1, padding="valid", kernel_initializer=initializer(seed=0))(X)
    X = BatchNormalization(axis=3, momentum=0.9)(X)
    X_shortcut = Conv2D(F3, 1, strides=s, padding="valid", kernel_initializer=initializer(seed=0))(X_shortcut)
    X = Add()([X, X_shortcut])
    X = Activation("relu")(X)
    return X''',
    # Stage 2's convolutional block left at its default stride 2 (the max pooling has already halved the
    # picture): every later stage is half as large, and the head's pooling gets a 1 x 1 input.
    "ResNet50": '''def ResNet50(input_shape=(64, 64, 3), classes=6):
    X_input = Input(input_shape)
    X = ZeroPadding2D((3, 3))(X_input)
    X = Conv2D(64, 7, strides=2, kernel_initializer=keras.initializers.GlorotUniform(seed=0))(X)
    X = BatchNormalization(axis=3, momentum=0.9)(X)
    X = Activation("relu")(X)
    X = MaxPooling2D(3, strides=2)(X)
    X = convolutional_block(X, 3, [64, 64, 256])
    X = identity_block(X, 3, [64, 64, 256])
    X = identity_block(X, 3, [64, 64, 256])
    X = convolutional_block(X, 3, [128, 128, 512], s=2)
    for _ in range(3):
        X = identity_block(X, 3, [128, 128, 512])
    X = convolutional_block(X, 3, [256, 256, 1024], s=2)
    for _ in range(5):
        X = identity_block(X, 3, [256, 256, 1024])
    X = convolutional_block(X, 3, [512, 512, 2048], s=2)
    for _ in range(2):
        X = identity_block(X, 3, [512, 512, 2048])
    X = AveragePooling2D(2)(X)
    X = Flatten()(X)
    X = Dense(classes, activation="softmax", kernel_initializer=keras.initializers.GlorotUniform(seed=0))(X)
    return keras.Model(inputs=X_input, outputs=X)''',
    # ResNet50's head copied: Flatten where the small ResNet averages each channel (GlobalAveragePooling2D).
    "small_resnet": '''def small_resnet(input_shape=(32, 32, 1), classes=10):
    X_input = Input(input_shape)
    X = Conv2D(16, 3, padding="same", kernel_initializer=keras.initializers.GlorotUniform(seed=0))(X_input)
    X = BatchNormalization(axis=3, momentum=0.9)(X)
    X = Activation("relu")(X)
    X = MaxPooling2D(2)(X)
    X = convolutional_block(X, 3, [8, 8, 32], s=1)
    X = identity_block(X, 3, [8, 8, 32])
    X = convolutional_block(X, 3, [16, 16, 64], s=2)
    X = identity_block(X, 3, [16, 16, 64])
    X = Flatten()(X)
    X = Dense(classes, activation="softmax", kernel_initializer=keras.initializers.GlorotUniform(seed=0))(X)
    return keras.Model(inputs=X_input, outputs=X)''',
    # The one-hot loss on integer labels: Keras refuses labels of shape (m,) for a (m, 10) output.
    "train_and_predict": '''def train_and_predict(model, X_train, y_train, X_eval, epochs=3, seed=0):
    keras.utils.set_random_seed(seed)
    schedule = keras.optimizers.schedules.CosineDecay(0.01, decay_steps=epochs * math.ceil(len(X_train) / 16))
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=schedule), loss="categorical_crossentropy",
                  metrics=["accuracy"])
    model.fit(X_train, y_train, epochs=epochs, batch_size=16, verbose=0)
    return model.predict(X_eval, verbose=0)''',
}
