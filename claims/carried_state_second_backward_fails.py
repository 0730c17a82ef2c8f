"""Two calls, the second starting from the state the first returned, a backward() after each.

The first backward() frees the first call's graph; the second call's state still leads into it.
The claim holds where the second backward() raises torch's "backward through the graph a second
time" error.
"""

from lstm_site.claim_grid import Config, main, model_input, module, padded_output

SENTENCE = (
    "Passing the returned state to the next call without `detach()` makes that call's "
    "`backward()` raise `Trying to backward through the graph a second time`."
)


def holds(config: Config) -> bool:
    rnn = module(config)
    x = model_input(config)
    output, state = rnn(x)
    padded_output(config, output).sum().backward()
    output, state = rnn(x, state)
    try:
        padded_output(config, output).sum().backward()
    except RuntimeError as error:
        return "backward through the graph a second time" in str(error)
    return False


if __name__ == "__main__":
    main(holds)
