"""One typical mistake per exercise: each must lose exactly that exercise's points.

train_and_fine_tune calls data_augmenter, transfer_model and unfreeze_top, so the mistakes planted in
those three are ones its checks see again (the planted-bug test grades it with the buggy version too):
pixels divided by 255 in the augmenter make logits that the recipe's model with the returned weights
does not give; a base left trainable in transfer_model changes the layers before fine_tune_at while the
head trains; batch normalisation left trainable in unfreeze_top changes those layers while fine-tuning.
The grader's cascade keeps each loss in its own exercise: when a called exercise fails its own checks,
train_and_fine_tune is checked with the reference version in its place.
"""
PLANTED_BUGS = {
    # Course 1's habit: pixels scaled to [0, 1] as part of the "preprocessing" layers. The augmenter
    # should only augment; preprocess_input expects 0-255.
    "data_augmenter": '''def data_augmenter(image_shape):
    return keras.Sequential([
        keras.Input(shape=image_shape),
        keras.layers.Rescaling(1 / 255),
        keras.layers.RandomFlip("horizontal"),
        keras.layers.RandomRotation(0.2),
    ])''',
    # The base is never frozen: fit trains all of its 410,208 weights with the head's learning rate.
    "transfer_model": '''def transfer_model(image_shape, data_augmentation, base):
    inputs = keras.Input(shape=image_shape)
    x = data_augmentation(inputs)
    x = keras.applications.mobilenet_v2.preprocess_input(x)
    x = base(x, training=False)
    x = keras.layers.GlobalAveragePooling2D()(x)
    x = keras.layers.Dropout(0.2)(x)
    outputs = keras.layers.Dense(1)(x)
    return keras.Model(inputs, outputs)''',
    # The classic recipe, which relies on training=False to keep batch normalisation in inference mode:
    # in Keras 3 the unfrozen BatchNormalization layers train and update their statistics.
    "unfreeze_top": '''def unfreeze_top(base, fine_tune_at):
    base.trainable = True
    for layer in base.layers[:fine_tune_at]:
        layer.trainable = False
    return [w.path for w in base.trainable_weights]''',
    # Fine-tuning compiled with the original learning rate, ten times too large.
    "train_and_fine_tune": '''def train_and_fine_tune(base, X_train, y_train, X_eval, fine_tune_at=120, epochs=(5, 5), seed=0):
    keras.utils.set_random_seed(seed)
    model = transfer_model(X_train.shape[1:], data_augmenter(X_train.shape[1:]), base)
    loss = keras.losses.BinaryCrossentropy(from_logits=True)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=BASE_LEARNING_RATE), loss=loss, metrics=["accuracy"])
    model.fit(X_train, y_train, epochs=epochs[0], batch_size=32, verbose=0)
    logits_frozen = model.predict(X_eval, verbose=0)
    unfreeze_top(base, fine_tune_at)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=BASE_LEARNING_RATE), loss=loss, metrics=["accuracy"])
    model.fit(X_train, y_train, epochs=epochs[1], batch_size=32, verbose=0)
    return logits_frozen, model.predict(X_eval, verbose=0), model.get_weights()''',
}
