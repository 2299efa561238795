"""One typical mistake per exercise: each must lose exactly that exercise's points."""
PLANTED_BUGS = {
    # Reshaping straight to (n_x, m) scrambles pixels across images.
    "flatten_images": '''def flatten_images(images):
    return images.reshape(-1, images.shape[0])''',
    # Statistics from all the data leak the other set into the scaling.
    "standardize": '''def standardize(X_train, X_other):
    X = np.concatenate([X_train, X_other], axis=1)
    mu, sigma = X.mean(axis=1, keepdims=True), X.std(axis=1, keepdims=True)
    return (X_train - mu) / sigma, (X_other - mu) / sigma''',
    # No shuffling: the split takes the examples in their original order.
    "train_dev_test_split": '''def train_dev_test_split(X, Y, fractions=(0.8, 0.1, 0.1), seed=0):
    m = X.shape[1]
    n_dev, n_test = int(fractions[1] * m), int(fractions[2] * m)
    n_train = m - n_dev - n_test
    return (X[:, :n_train], Y[:, :n_train], X[:, n_train:n_train + n_dev], Y[:, n_train:n_train + n_dev],
            X[:, n_train + n_dev:], Y[:, n_train + n_dev:])''',
}
