import torch

# What this build of the site runs on: no GPU, so no cuDNN kernels run here.
print("torch:", torch.__version__)
print("CUDA available:", torch.cuda.is_available())
print("cuDNN available:", torch.backends.cudnn.is_available())
assert not torch.cuda.is_available()
