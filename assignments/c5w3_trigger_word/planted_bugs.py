"""One typical mistake per exercise: each must lose exactly that exercise's points.

detect_triggers calls trigger_model: the mistake planted in trigger_model (the second GRU without
return_sequences) is one detect_triggers' checks see again (the model cannot even be built: TimeDistributed
needs a sequence). The grader's cascade keeps the loss in trigger_model.
"""
PLANTED_BUGS = {
    # Strict comparisons: segments that only touch are not counted as overlapping.
    "is_overlapping": '''def is_overlapping(segment_time, previous_segments):
    segment_start, segment_end = segment_time
    overlap = False
    for previous_start, previous_end in previous_segments:
        if segment_start < previous_end and segment_end > previous_start:
            overlap = True
    return overlap''',
    # The end is one millisecond too far: end = start + segment_ms.
    "get_random_time_segment": '''def get_random_time_segment(segment_ms, total_ms, rng=None):
    rng = np.random.default_rng(rng)
    segment_start = int(rng.integers(0, total_ms - segment_ms))
    segment_end = segment_start + segment_ms
    return (segment_start, segment_end)''',
    # The ones start at the end step itself.
    "insert_ones": '''def insert_ones(y, segment_end_ms, Ty, total_ms):
    y = y.copy()
    segment_end_y = int(segment_end_ms * Ty / total_ms)
    for i in range(segment_end_y, segment_end_y + LABEL_STEPS):
        if i < Ty:
            y[0, i] = 1
    return y''',
    # Blanks dropped before the repeats are merged: "a _ a" collapses to "a".
    "ctc_collapse": '''def ctc_collapse(tokens, blank=0):
    kept = [int(t) for t in tokens if t != blank]
    merged = [t for i, t in enumerate(kept) if i == 0 or t != kept[i - 1]]
    return np.array(merged, dtype=np.int64)''',
    # The second GRU returns only its last output.
    "trigger_model": '''def trigger_model(input_shape):
    X_input = keras.Input(shape=input_shape)
    X = layers.Conv1D(196, kernel_size=15, strides=4)(X_input)
    X = layers.BatchNormalization()(X)
    X = layers.Activation("relu")(X)
    X = layers.Dropout(0.8)(X)
    X = layers.GRU(128, return_sequences=True)(X)
    X = layers.Dropout(0.8)(X)
    X = layers.BatchNormalization()(X)
    X = layers.GRU(128)(X)
    X = layers.Dropout(0.8)(X)
    X = layers.BatchNormalization()(X)
    X = layers.Dropout(0.8)(X)
    X = layers.Dense(1, activation="sigmoid")(X)
    return keras.Model(inputs=X_input, outputs=X)''',
    # Predictions in training mode: dropout stays on and the batch's own statistics replace the moving ones.
    "detect_triggers": '''def detect_triggers(spectrograms, weights):
    model = trigger_model(spectrograms.shape[1:])
    model.set_weights(weights)
    probabilities = model(spectrograms, training=True)
    return keras.ops.convert_to_numpy(probabilities)[..., 0]''',
}
