"""Carried state with backward(retain_graph=True) and no weight update in between."""

from lstm_site.claim_grid import Config, main, model_input, module, padded_output

SENTENCE = (
    "With the state carried and no weight update between the calls, "
    "`backward(retain_graph=True)` lets the next `backward()` run, through both calls' graphs."
)


def holds(config: Config) -> bool:
    rnn = module(config)
    x = model_input(config)
    output, state = rnn(x)
    padded_output(config, output).sum().backward(retain_graph=True)
    output, state = rnn(x, state)
    try:
        padded_output(config, output).sum().backward(retain_graph=True)
    except RuntimeError:
        return False
    return True


if __name__ == "__main__":
    main(holds)
