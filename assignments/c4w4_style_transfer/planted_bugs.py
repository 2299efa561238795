"""One typical mistake per exercise: each must lose exactly that exercise's points.

The cost functions are called by those after them (compute_layer_style_cost calls gram_matrix,
compute_style_cost calls compute_layer_style_cost, train_step calls the content, style and total costs),
so each mistake planted in them is one their callers' checks see again: train_step's first cost is
compared with the total cost of the starting image, and compute_style_cost's value with the weighted
sum of correct layer costs. The grader's cascade keeps each loss in its own exercise: when a called
exercise fails its own checks, its callers are checked with the reference version in its place.
"""
PLANTED_BUGS = {
    # The sum of the squared differences, not normalised by 4 n_H n_W n_C.
    "compute_content_cost": '''def compute_content_cost(a_C, a_G):
    J_content = tf.reduce_sum(tf.square(a_C - a_G))
    return J_content''',
    # A^T A: the products of the positions, (n_H n_W, n_H n_W), not of the channels.
    "gram_matrix": '''def gram_matrix(A):
    GA = tf.matmul(tf.transpose(A), A)
    return GA''',
    # The classic bug: the activations reshaped straight to (n_C, n_H n_W), without putting the channels first.
    "compute_layer_style_cost": '''def compute_layer_style_cost(a_S, a_G):
    _, n_H, n_W, n_C = a_G.shape
    a_S = tf.reshape(a_S, [n_C, n_H * n_W])
    a_G = tf.reshape(a_G, [n_C, n_H * n_W])
    GS = gram_matrix(a_S)
    GG = gram_matrix(a_G)
    J_style_layer = tf.reduce_sum(tf.square(GS - GG)) / (4 * n_C ** 2 * (n_H * n_W) ** 2)
    return J_style_layer''',
    # The layers' weights ignored: a plain sum of the layer costs.
    "compute_style_cost": '''def compute_style_cost(style_outputs, generated_outputs, style_layers):
    J_style = 0
    for a_S, a_G in zip(style_outputs, generated_outputs):
        J_style += compute_layer_style_cost(a_S, a_G)
    return J_style''',
    # alpha and beta swapped.
    "total_cost": '''def total_cost(J_content, J_style, alpha=10, beta=40):
    J = beta * J_content + alpha * J_style
    return J''',
    # No clipping: the pixels leave [0, 1].
    "train_step": '''def train_step(generated_image, feature_model, content_target, style_targets, style_layers, steps=1):
    image = tf.Variable(generated_image)
    optimizer = keras.optimizers.Adam(learning_rate=0.01)
    costs = []
    for _ in range(steps):
        with tf.GradientTape() as tape:
            outputs = feature_model(image)
            J_content = compute_content_cost(content_target, outputs[-1])
            J_style = compute_style_cost(style_targets, outputs[:-1], style_layers)
            J = total_cost(J_content, J_style)
        grad = tape.gradient(J, image)
        optimizer.apply_gradients([(grad, image)])
        costs.append(float(J))
    return costs, image.numpy()''',
}
