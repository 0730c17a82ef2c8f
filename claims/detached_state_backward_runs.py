"""Two calls with a backward() after each, the state detached before the second call."""

from lstm_site.claim_grid import Config, main, model_input, module, padded_output

SENTENCE = (
    "Detaching the returned state before the next call (`h.detach()`, and `c.detach()` for an "
    "LSTM) lets every call's `backward()` run."
)


def detached(state):
    return tuple(t.detach() for t in state) if isinstance(state, tuple) else state.detach()


def holds(config: Config) -> bool:
    rnn = module(config)
    x = model_input(config)
    output, state = rnn(x)
    padded_output(config, output).sum().backward()
    output, _ = rnn(x, detached(state))
    try:
        padded_output(config, output).sum().backward()
    except RuntimeError:
        return False
    return True


if __name__ == "__main__":
    main(holds)
