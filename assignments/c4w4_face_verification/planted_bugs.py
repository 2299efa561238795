"""One typical mistake per exercise: each must lose exactly that exercise's points.

verify and who_is_it call img_to_encoding, so its planted mistake (the encoding left as the model
gives it, not divided by its norm) is one their checks see again: their cases with the encoder that
does not normalise give other distances with it. The grader's cascade keeps the loss in
img_to_encoding: when it fails its own checks, verify and who_is_it are checked with the reference
img_to_encoding in its place.
"""
PLANTED_BUGS = {
    # No max with 0: triplets that already meet the margin count as negative losses.
    "triplet_loss": '''def triplet_loss(y_true, y_pred, alpha=0.2):
    anchor, positive, negative = y_pred[0], y_pred[1], y_pred[2]
    pos_dist = keras.ops.sum(keras.ops.square(anchor - positive), axis=-1)
    neg_dist = keras.ops.sum(keras.ops.square(anchor - negative), axis=-1)
    basic_loss = pos_dist - neg_dist + alpha
    return keras.ops.sum(basic_loss)''',
    # The encoding as the model gives it: right for an encoder that ends with UnitNormalization only.
    "img_to_encoding": '''def img_to_encoding(image, model):
    x = (np.asarray(image, dtype=np.float32) / 255.0)[None, :, :, None]
    return np.asarray(model(x, training=False))[0]''',
    # The squared distance, as in the triplet loss, compared with a threshold meant for distances.
    "verify": '''def verify(image, identity, database, model, threshold=THRESHOLD):
    encoding = img_to_encoding(image, model)
    dist = float(np.sum((encoding - database[identity]) ** 2))
    return dist, bool(dist < threshold)''',
    # identity set at every step of the loop: the last name of the database, not the closest.
    "who_is_it": '''def who_is_it(image, database, model, threshold=THRESHOLD):
    encoding = img_to_encoding(image, model)
    min_dist, identity = 100.0, None
    for name, db_enc in database.items():
        dist = float(np.linalg.norm(encoding - db_enc))
        if dist < min_dist:
            min_dist = dist
        identity = name
    if min_dist >= threshold:
        identity = None
    return min_dist, identity''',
    # roc_curve given the distance as the score: a larger distance then means "same person".
    "choose_threshold": '''def choose_threshold(distances, same_person):
    fpr, tpr, thresholds = roc_curve(same_person, distances)
    best = np.argmax(tpr - fpr)
    return float(thresholds[best])''',
}
