"""One typical mistake per exercise: each must lose exactly that exercise's points.

train_gan calls discriminator_loss and generator_loss, so the mistakes planted in those two are ones
train_gan's checks see again (its exact cases compare the losses of every step); the grader's cascade
keeps each loss in its own exercise: train_gan is checked with the reference losses in their place.
"""
PLANTED_BUGS = {
    # Images in [0, 1], the habit of classifiers' inputs: a sigmoid where the scaled digits need tanh.
    "build_generator": '''def build_generator(latent_dim):
    generator = keras.Sequential([
        keras.Input((latent_dim,)),
        layers.Dense(4 * 4 * 64),
        layers.BatchNormalization(momentum=0.9),
        layers.LeakyReLU(0.2),
        layers.Reshape((4, 4, 64)),
        layers.Conv2DTranspose(32, 4, strides=2, padding="same"),
        layers.BatchNormalization(momentum=0.9),
        layers.LeakyReLU(0.2),
        layers.Conv2D(1, 3, padding="same", activation="sigmoid"),
    ])
    return generator''',
    # A classifier's habit: a sigmoid on the last layer, where the losses expect logits.
    "build_discriminator": '''def build_discriminator(input_shape=(8, 8, 1)):
    discriminator = keras.Sequential([
        keras.Input(input_shape),
        layers.Conv2D(32, 3, strides=2, padding="same"),
        layers.LeakyReLU(0.2),
        layers.Conv2D(64, 3, strides=2, padding="same"),
        layers.LeakyReLU(0.2),
        layers.Flatten(),
        layers.Dense(1, activation="sigmoid"),
    ])
    return discriminator''',
    # The labels swapped: real images scored as fakes.
    "discriminator_loss": '''def discriminator_loss(real_logits, fake_logits):
    bce = keras.losses.BinaryCrossentropy(from_logits=True)
    loss = bce(ops.zeros_like(real_logits), real_logits) + bce(ops.ones_like(fake_logits), fake_logits)
    return loss''',
    # The saturating loss of the minimax game.
    "generator_loss": '''def generator_loss(fake_logits):
    loss = ops.mean(ops.log(1 - ops.sigmoid(fake_logits)))
    return loss''',
    # No matrix square root: 2 tr(S1 S2) for 2 tr((S1 S2)^1/2).
    "frechet_distance": '''def frechet_distance(mu1, sigma1, mu2, sigma2):
    covmean = sigma1 @ sigma2
    distance = float(np.sum((mu1 - mu2) ** 2) + np.trace(sigma1 + sigma2 - 2 * covmean))
    return distance''',
    # The generator's loss applied to both networks, as a combined model G -> D with D not frozen does.
    "train_gan": '''def train_gan(generator, discriminator, real_batches, z_batches, z_eval, learning_rate=2e-4):
    d_optimizer = keras.optimizers.Adam(learning_rate, beta_1=0.5)
    g_optimizer = keras.optimizers.Adam(learning_rate, beta_1=0.5)

    @tf.function
    def step(real, z):
        with tf.GradientTape() as tape:
            fake = generator(z, training=True)
            d_loss = discriminator_loss(discriminator(real, training=True), discriminator(fake, training=True))
        grads = tape.gradient(d_loss, discriminator.trainable_weights)
        d_optimizer.apply_gradients(zip(grads, discriminator.trainable_weights))
        weights = generator.trainable_weights + discriminator.trainable_weights
        with tf.GradientTape() as tape:
            g_loss = generator_loss(discriminator(generator(z, training=True), training=True))
        grads = tape.gradient(g_loss, weights)
        g_optimizer.apply_gradients(zip(grads, weights))
        return d_loss, g_loss

    d_losses, g_losses = [], []
    for real, z in zip(real_batches, z_batches):
        d_loss, g_loss = step(tf.constant(real, tf.float32), tf.constant(z, tf.float32))
        d_losses.append(float(d_loss))
        g_losses.append(float(g_loss))
    samples = generator(z_eval, training=False).numpy()
    return np.array(d_losses), np.array(g_losses), samples''',
}
