"""One typical mistake per exercise: each must lose exactly that exercise's points.

train_vae calls the four exercises before it (its VAE draws with Sampling through the same cell as
sample_latent, and its train_vae calls sample_latent, kl_loss, build_encoder and build_decoder), so the
mistakes planted in them are ones train_vae's checks see again: the log-variance read as sigma makes
the held-out loss soar, the KL's flipped sign makes training diverge, a ReLU on the encoder's heads
collapses the codes, and a decoder without its sigmoid gives pixels outside [0, 1]. The grader's
cascade keeps each loss in its own exercise.
"""
_SAMPLING_WRAPPER = '''

def sample_latent(mu, logvar, seed=0):
    mu = tf.constant(mu, dtype="float32")
    logvar = tf.constant(logvar, dtype="float32")
    layer = Sampling(seed=seed)
    with tf.GradientTape() as tape:
        tape.watch([mu, logvar])
        z = layer((mu, logvar))
        total = ops.sum(z)
    dz_dmu, dz_dlogvar = tape.gradient(total, [mu, logvar])
    return {"z": np.asarray(z), "dz_dmu": np.asarray(dz_dmu), "dz_dlogvar": np.asarray(dz_dlogvar)}'''

PLANTED_BUGS = {
    # The log-variance used as if it were sigma.
    "sample_latent": '''class Sampling(keras.layers.Layer):
    def __init__(self, seed=None, **kwargs):
        super().__init__(**kwargs)
        self.seed_generator = keras.random.SeedGenerator(seed)

    def call(self, inputs):
        mu, logvar = inputs
        eps = keras.random.normal(ops.shape(mu), seed=self.seed_generator)
        return mu + logvar * eps''' + _SAMPLING_WRAPPER,
    # The sign flipped.
    "kl_loss": '''def kl_loss(mu, logvar):
    return 0.5 * ops.sum(1.0 + logvar - ops.square(mu) - ops.exp(logvar), axis=-1)''',
    # The hidden layer's ReLU copied onto the two heads.
    "build_encoder": '''def build_encoder(input_shape, latent_dim):
    image = keras.Input(shape=input_shape)
    x = keras.layers.Conv2D(16, 3, strides=2, padding="same", activation="relu")(image)
    x = keras.layers.Conv2D(32, 3, strides=2, padding="same", activation="relu")(x)
    x = keras.layers.Flatten()(x)
    x = keras.layers.Dense(64, activation="relu")(x)
    mu = keras.layers.Dense(latent_dim, activation="relu")(x)
    logvar = keras.layers.Dense(latent_dim, activation="relu")(x)
    return keras.Model(image, [mu, logvar], name="encoder")''',
    # No sigmoid at the end: linear "pixels".
    "build_decoder": '''def build_decoder(latent_dim):
    z = keras.Input(shape=(latent_dim,))
    x = keras.layers.Dense(64, activation="relu")(z)
    x = keras.layers.Dense(4 * 4 * 32, activation="relu")(x)
    x = keras.layers.Reshape((4, 4, 32))(x)
    x = keras.layers.Conv2DTranspose(32, 3, strides=2, padding="same", activation="relu")(x)
    x = keras.layers.Conv2DTranspose(16, 3, strides=2, padding="same", activation="relu")(x)
    picture = keras.layers.Conv2D(1, 3, padding="same")(x)
    return keras.Model(z, picture, name="decoder")''',
    # The KL term tracked but left out of the loss that is minimised.
    "train_vae": '''class VAE(keras.Model):
    def __init__(self, encoder, decoder, seed=None, **kwargs):
        super().__init__(**kwargs)
        self.encoder = encoder
        self.decoder = decoder
        self.sampling = Sampling(seed=seed)
        self.loss_tracker = keras.metrics.Mean(name="loss")
        self.reconstruction_tracker = keras.metrics.Mean(name="reconstruction_loss")
        self.kl_tracker = keras.metrics.Mean(name="kl_loss")

    @property
    def metrics(self):
        return [self.loss_tracker, self.reconstruction_tracker, self.kl_tracker]

    def train_step(self, data):
        with tf.GradientTape() as tape:
            mu, logvar = self.encoder(data, training=True)
            z = self.sampling((mu, logvar))
            x_hat = self.decoder(z, training=True)
            reconstruction = ops.mean(ops.sum(keras.losses.binary_crossentropy(data, x_hat), axis=(1, 2)))
            kl = ops.mean(kl_loss(mu, logvar))
        gradients = tape.gradient(reconstruction, self.trainable_weights)
        self.optimizer.apply_gradients(zip(gradients, self.trainable_weights))
        self.loss_tracker.update_state(reconstruction)
        self.reconstruction_tracker.update_state(reconstruction)
        self.kl_tracker.update_state(kl)
        return {tracker.name: tracker.result() for tracker in self.metrics}


def fit_vae(x_train, latent_dim=2, epochs=10, seed=0):
    keras.utils.set_random_seed(seed)
    vae = VAE(build_encoder(x_train.shape[1:], latent_dim), build_decoder(latent_dim), seed=seed)
    vae.compile(optimizer=keras.optimizers.Adam(learning_rate=1e-3))
    history = vae.fit(x_train, epochs=epochs, batch_size=32, verbose=0)
    return vae, {name: [float(v) for v in values] for name, values in history.history.items()}


def train_vae(x_train, x_test, z_prior, latent_dim=2, epochs=10, seed=0):
    vae, history = fit_vae(x_train, latent_dim, epochs, seed)
    mu, logvar = (np.asarray(a) for a in vae.encoder.predict(x_test, verbose=0))
    z = sample_latent(mu, logvar, seed)["z"]
    return {"history": history, "mu": mu, "logvar": logvar,
            "reconstructions": vae.decoder.predict(z, verbose=0),
            "samples": vae.decoder.predict(z_prior, verbose=0)}''',
    # The decoded end pictures cross-faded instead of the codes blended.
    "interpolate": '''def interpolate(decoder, z_a, z_b, steps):
    ends = np.asarray(decoder.predict(np.stack([z_a, z_b]).astype("float32"), verbose=0))
    t = np.linspace(0.0, 1.0, steps)[:, None, None, None]
    return (1.0 - t) * ends[0] + t * ends[1]''',
}
