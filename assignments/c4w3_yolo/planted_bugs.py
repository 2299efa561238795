"""One typical mistake per exercise: each must lose exactly that exercise's points.

yolo_non_max_suppression calls iou, yolo_eval calls yolo_boxes_to_corners, yolo_filter_boxes and
yolo_non_max_suppression (and, through it, iou), and preprocess_true_boxes calls iou for the shapes of
the anchors. Each mistake planted in a callee is one a caller's checks see again (the planted-bug test
grades the callers with the buggy version too): IoU without clipping gives two boxes of one class apart
on a diagonal an IoU of 1, so non-max suppression drops one; corners in (x1, y1, x2, y2) order move every
box yolo_eval returns; ">" loses the scores of exactly 0.5 that yolo_eval's cases hold at a score_threshold
of 0.5; non-max suppression across classes drops one of two overlapping objects of different classes.
The grader's cascade keeps the loss in the callee: when it fails its own checks, its callers are checked
with the reference version in its place.
"""
PLANTED_BUGS = {
    # The intersection's width and height not clipped at zero: boxes apart along both axes get a positive
    # "intersection".
    "iou": '''def iou(box1, box2):
    (b1_x1, b1_y1, b1_x2, b1_y2), (b2_x1, b2_y1, b2_x2, b2_y2) = box1, box2
    inter_width = min(b1_x2, b2_x2) - max(b1_x1, b2_x1)
    inter_height = min(b1_y2, b2_y2) - max(b1_y1, b2_y1)
    inter_area = inter_width * inter_height
    union_area = (b1_x2 - b1_x1) * (b1_y2 - b1_y1) + (b2_x2 - b2_x1) * (b2_y2 - b2_y1) - inter_area
    return float(inter_area / union_area)''',
    # The corners in the order (x1, y1, x2, y2) instead of TensorFlow's [y1, x1, y2, x2].
    "yolo_boxes_to_corners": '''def yolo_boxes_to_corners(box_xy, box_wh):
    box_mins = box_xy - box_wh / 2.0
    box_maxes = box_xy + box_wh / 2.0
    return tf.concat([box_mins, box_maxes], axis=-1)''',
    # > instead of >=: a score equal to the threshold is dropped.
    "yolo_filter_boxes": '''def yolo_filter_boxes(boxes, box_confidence, box_class_probs, threshold=0.6):
    box_scores = box_confidence * box_class_probs
    box_classes = tf.math.argmax(box_scores, axis=-1)
    box_class_scores = tf.math.reduce_max(box_scores, axis=-1)
    filtering_mask = box_class_scores > threshold
    return (tf.boolean_mask(box_class_scores, filtering_mask), tf.boolean_mask(boxes, filtering_mask),
            tf.boolean_mask(box_classes, filtering_mask))''',
    # Non-max suppression over all the boxes at once, whatever their class.
    "yolo_non_max_suppression": '''def yolo_non_max_suppression(scores, boxes, classes, max_boxes=10, iou_threshold=0.5):
    nms_indices = tf.image.non_max_suppression(boxes, scores, max_boxes, iou_threshold=iou_threshold)
    return tf.gather(scores, nms_indices), tf.gather(boxes, nms_indices), tf.gather(classes, nms_indices)''',
    # score_threshold not passed on: the filter uses its default, 0.6.
    "yolo_eval": '''def yolo_eval(yolo_outputs, image_shape, max_boxes=10, score_threshold=0.6, iou_threshold=0.5):
    box_confidence, box_xy, box_wh, box_class_probs = yolo_outputs
    boxes = yolo_boxes_to_corners(box_xy, box_wh)
    scores, boxes, classes = yolo_filter_boxes(boxes, box_confidence, box_class_probs)
    boxes = scale_boxes(boxes, image_shape)
    return yolo_non_max_suppression(scores, boxes, classes, max_boxes=max_boxes, iou_threshold=iou_threshold)''',
    # The responsible anchor is the nearest one in (width, height), not the one of highest shape IoU.
    "preprocess_true_boxes": '''def preprocess_true_boxes(boxes, anchors, grid):
    boxes, anchors = np.asarray(boxes, dtype=np.float64), np.asarray(anchors, dtype=np.float64)
    y_true = np.zeros((grid, grid, len(anchors), 6))
    for x, y, w, h, c in boxes:
        i, j = min(int(y * grid), grid - 1), min(int(x * grid), grid - 1)
        w_cells, h_cells = w * grid, h * grid
        k = int(np.argmin((anchors[:, 0] - w_cells) ** 2 + (anchors[:, 1] - h_cells) ** 2))
        y_true[i, j, k] = [1, x * grid - j, y * grid - i, np.log(w_cells / anchors[k, 0]),
                           np.log(h_cells / anchors[k, 1]), c]
    return y_true''',
}
