"""One typical mistake per exercise: each must lose exactly that exercise's points.

fine_tune calls build_transfer_model, so the mistake planted in build_transfer_model is one that
fine_tune's checks see again: fine-tuned with it, the model no longer returns probabilities (a test
checks this with the grader's cascade turned off). The grader's cascade keeps the loss in the one
exercise: when build_transfer_model fails its own checks, fine_tune is checked with the reference
version in its place. The mistake in fine_tune shows only when freeze=False. No other exercise
calls another.
"""
PLANTED_BUGS = {
    # Subtracts the fraction of examined mistakes from the error rate instead of scaling the error.
    "error_ceiling": '''def error_ceiling(dev_error, n_examined, n_in_category):
    return dev_error - n_in_category / n_examined''',
    # Data mismatch measured from the training error, skipping the train-dev set.
    "diagnose_mismatch": '''def diagnose_mismatch(human, train, train_dev, dev, test=None):
    gaps = {
        "avoidable_bias": train - human,
        "variance": train_dev - train,
        "data_mismatch": dev - train,
        "dev_overfitting": None if test is None else test - dev,
    }
    measured = {name: gap for name, gap in gaps.items() if gap is not None}
    gaps["focus"] = max(measured, key=measured.get)
    return gaps''',
    # X and y shuffled with two different permutations: the examples lose their labels.
    "make_train_dev_split": '''def make_train_dev_split(X, y, frac=0.05, seed=0):
    rng = np.random.default_rng(seed)
    n = int(round(frac * len(X)))
    X_shuffled, y_shuffled = X[rng.permutation(len(X))], y[rng.permutation(len(y))]
    return X_shuffled[n:], y_shuffled[n:], X_shuffled[:n], y_shuffled[:n]''',
    # The unknown entries are zeroed but still counted: the mean runs over every entry.
    "masked_binary_crossentropy": '''def masked_binary_crossentropy(y_true, y_pred):
    y_true = ops.convert_to_tensor(y_true, dtype="float32")
    y_pred = ops.convert_to_tensor(y_pred, dtype="float32")
    known = ops.not_equal(y_true, -1.0)
    p = ops.clip(y_pred, 1e-7, 1.0 - 1e-7)
    losses = -(y_true * ops.log(p) + (1.0 - y_true) * ops.log(1.0 - p))
    return ops.mean(ops.where(known, losses, 0.0))''',
    # The head's softmax forgotten: it returns scores, not probabilities, and
    # sparse_categorical_crossentropy (from_logits=False) takes them for probabilities.
    "build_transfer_model": '''def build_transfer_model(base, n_classes, freeze=True):
    base.trainable = not freeze
    inputs = keras.Input(shape=base.input_shape[1:])
    features = base(inputs, training=False)
    outputs = keras.layers.Dense(n_classes)(features)
    return keras.Model(inputs, outputs)''',
    # freeze is not passed on: the base is always frozen.
    "fine_tune": '''def fine_tune(base, X_small, y_small, X_eval, n_classes, freeze=True, epochs=30, seed=0):
    keras.utils.set_random_seed(seed)
    model = build_transfer_model(base, n_classes)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="sparse_categorical_crossentropy")
    model.fit(X_small, y_small, epochs=epochs, batch_size=10, verbose=0)
    return model.predict(X_eval, verbose=0)''',
}
