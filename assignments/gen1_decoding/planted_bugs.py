"""One typical mistake per exercise: each must lose exactly that exercise's points.

generate calls reweight_distribution, top_k_filter, top_p_filter and sample_next: the mistakes planted in
those four are ones generate's checks see again (the planted-bug test grades generate with each buggy
version too): p ** T changes the names at T = 0.5, an unnormalised top-k leaves mass for the rounding guard
of sample_next to give to one token, a top-p that drops the crossing token keeps nothing where one letter
holds more than p (0 / 0), and comparing u with each probability draws tokens the model forbids.
"""
PLANTED_BUGS = {
    # The temperature multiplies the log-probabilities: p ** T, renormalised.
    "reweight_distribution": '''def reweight_distribution(probs, temperature):
    probs = np.asarray(probs, dtype=np.float64)
    scaled = (probs / probs.max()) ** temperature
    return scaled / scaled.sum()''',
    # The k kept probabilities are not renormalised.
    "top_k_filter": '''def top_k_filter(probs, k):
    probs = np.asarray(probs, dtype=np.float64)
    order = np.argsort(-probs, kind="stable")[:k]
    kept = np.zeros_like(probs)
    kept[order] = probs[order]
    return kept''',
    # The token that crosses p is dropped: only tokens whose running sum stays at most p are kept.
    "top_p_filter": '''def top_p_filter(probs, p):
    probs = np.asarray(probs, dtype=np.float64)
    order = np.argsort(-probs, kind="stable")
    keep = order[np.cumsum(probs[order]) <= p]
    kept = np.zeros_like(probs)
    kept[keep] = probs[keep]
    return kept / kept.sum()''',
    # u compared with each probability instead of the running total.
    "sample_next": '''def sample_next(probs, u):
    probs = np.asarray(probs, dtype=np.float64)
    return int(np.argmax(probs > u))''',
    # The generator made again for every sequence: all n sequences are the same.
    "generate": '''def generate(probs_table, start, end, n, max_len=20, temperature=1.0, top_k=0, top_p=1.0, seed=0):
    sequences = []
    for _ in range(n):
        rng = np.random.default_rng(seed)
        tokens = [start]
        for _ in range(max_len):
            probs = reweight_distribution(probs_table[tokens[-1]], temperature)
            if top_k > 0:
                probs = top_k_filter(probs, top_k)
            if top_p < 1:
                probs = top_p_filter(probs, top_p)
            token = sample_next(probs, rng.random())
            tokens.append(token)
            if token == end:
                break
        sequences.append(tokens[1:])
    return sequences''',
    # An n-gram blocked only when it repeats the n-gram just before it.
    "beam_search": '''def beam_search(log_probs, start, end, beam_width=3, max_len=10, no_repeat_ngram_size=0):
    n = no_repeat_ngram_size
    beams = [((start,), 0.0)]
    for _ in range(max_len):
        candidates = []
        for tokens, total in beams:
            if len(tokens) > 1 and tokens[-1] == end:
                candidates.append((tokens, total))
                continue
            blocked = set()
            if n > 0 and len(tokens) >= n and tokens[len(tokens) - n:-1] == tokens[len(tokens) - n + 1:]:
                blocked = {tokens[-1]}
            candidates += [(tokens + (j,), total + float(log_probs[tokens[-1], j]))
                           for j in range(log_probs.shape[1]) if j not in blocked]
        candidates.sort(key=lambda c: (-c[1], c[0]))
        beams = candidates[:beam_width]
        if all(len(tokens) > 1 and tokens[-1] == end for tokens, _ in beams):
            break
    tokens, total = beams[0]
    return [int(t) for t in tokens[1:]], float(total)''',
}
