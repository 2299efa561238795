"""One typical mistake per exercise: each must lose exactly that exercise's points.

unet_model calls conv_block and upsampling_block, and predict_masks calls unet_model: each mistake planted in
a block or in unet_model is one their callers' checks see again (the planted-bug test grades the callers
with the buggy version too). A pooled skip connection, or a transposed convolution that does not exactly
double the size, makes a concatenation of tensors of different heights and widths, which Keras refuses when
the U-Net is built; so does a U-Net that hands an expanding block the pooled tensor instead of the skip
connection. The grader's cascade keeps the loss where the mistake is: when a callee fails its own checks,
its callers are checked with the reference version in its place.
"""
PLANTED_BUGS = {
    # The skip connection taken after the max pooling: the expanding path then gets half-sized detail.
    "conv_block": '''def conv_block(inputs, n_filters=32, dropout_prob=0, max_pooling=True):
    conv = Conv2D(n_filters, 3, activation="relu", padding="same", kernel_initializer="he_normal")(inputs)
    conv = Conv2D(n_filters, 3, activation="relu", padding="same", kernel_initializer="he_normal")(conv)
    if dropout_prob > 0:
        conv = Dropout(dropout_prob)(conv)
    if max_pooling:
        conv = MaxPooling2D(2, strides=2)(conv)
    next_layer = conv
    skip_connection = conv
    return next_layer, skip_connection''',
    # The transposed convolution with padding="valid": (n - 1) * 2 + 3 = 2n + 1 rows, one too many.
    "upsampling_block": '''def upsampling_block(expansive_input, contractive_input, n_filters=32):
    up = Conv2DTranspose(n_filters, 3, strides=2, padding="valid")(expansive_input)
    merge = concatenate([up, contractive_input], axis=3)
    conv = Conv2D(n_filters, 3, activation="relu", padding="same", kernel_initializer="he_normal")(merge)
    conv = Conv2D(n_filters, 3, activation="relu", padding="same", kernel_initializer="he_normal")(conv)
    return conv''',
    # The first expanding block handed the pooled output of the fourth contracting block, cblock4[0], where
    # its skip connection, cblock4[1], belongs.
    "unet_model": '''def unet_model(input_size=(64, 64, 3), n_filters=16, n_classes=4):
    inputs = Input(input_size)
    cblock1 = conv_block(inputs, n_filters)
    cblock2 = conv_block(cblock1[0], 2 * n_filters)
    cblock3 = conv_block(cblock2[0], 4 * n_filters)
    cblock4 = conv_block(cblock3[0], 8 * n_filters, dropout_prob=0.3)
    cblock5 = conv_block(cblock4[0], 16 * n_filters, dropout_prob=0.3, max_pooling=False)
    ublock6 = upsampling_block(cblock5[0], cblock4[0], 8 * n_filters)
    ublock7 = upsampling_block(ublock6, cblock3[1], 4 * n_filters)
    ublock8 = upsampling_block(ublock7, cblock2[1], 2 * n_filters)
    ublock9 = upsampling_block(ublock8, cblock1[1], n_filters)
    conv9 = Conv2D(n_filters, 3, activation="relu", padding="same", kernel_initializer="he_normal")(ublock9)
    conv10 = Conv2D(n_classes, 1, padding="same")(conv9)
    return keras.Model(inputs=inputs, outputs=conv10)''',
    # Every class averaged, a class absent from both the truth and the prediction counted as IoU 0.
    "mean_iou": '''def mean_iou(y_true, logits, n_classes):
    predicted = np.argmax(logits, axis=-1)
    ious = []
    for c in range(n_classes):
        intersection = np.sum((y_true == c) & (predicted == c))
        union = np.sum((y_true == c) | (predicted == c))
        ious.append(intersection / union if union > 0 else 0.0)
    return float(np.mean(ious))''',
    # The argmax over axis 1 (the rows) instead of the last axis (the classes).
    "predict_masks": '''def predict_masks(weights, images):
    model = unet_model(input_size=images.shape[1:], n_filters=8, n_classes=4)
    model.set_weights(weights)
    logits = model.predict(images, verbose=0)
    return np.argmax(logits, axis=1)''',
}
