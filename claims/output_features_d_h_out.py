"""The last dimension of output (of its data, when packed) against D * H_out."""

from torch.nn.utils.rnn import PackedSequence

from lstm_site.claim_grid import Config, main, run

SENTENCE = (
    "The last dimension of `output` is `D * H_out`: the two directions side by side when "
    "bidirectional, each `proj_size` wide if it is set, else `hidden_size`."
)


def holds(config: Config) -> bool:
    output, _ = run(config)
    features = output.data if isinstance(output, PackedSequence) else output
    return features.shape[-1] == config.directions * config.out_size


if __name__ == "__main__":
    main(holds)
