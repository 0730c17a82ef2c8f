# The profile of the kernels that execute notebooks at build (hooks/notebooks.py sets IPYTHONDIR
# here), so a reader's own ~/.ipython start-up files never change what the site shows.
c = get_config()  # noqa: F821

# The kernel talks to the build over loopback; its "TCP without encryption" notice would
# otherwise land in the build log as a WARNING line. Errors are still logged.
c.IPKernelApp.log_level = "ERROR"
