"""Executes one notebook headless with nbconvert's ExecutePreprocessor (what
`jupyter nbconvert --to notebook --execute` runs), stopping at the first cell
error, and writes the executed notebook even when a cell fails, so the caller
can read the failing cell's output.

    python3 execute.py IN.ipynb OUT.ipynb KERNEL_NAME CELL_TIMEOUT_SECONDS

Prints one JSON line: {"ok": true, "cells": [{"cell": i, "ms": t}, ...]} or
{"ok": false, "cell": i, "kind": "error" | "timeout" | "dead kernel",
"message": ..., "cells": [...]}, with i the 0-based index of the cell.
Called by scripts/jupyter/runner.ts; the kernel runs in the notebook's folder.
"""
import json
import os
import sys
import time

import nbformat
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from nbconvert.preprocessors import ExecutePreprocessor


class StopAtFirstError(ExecutePreprocessor):
    """ExecutePreprocessor that remembers which cell runs and how long each took."""

    current = -1
    timings = None

    def preprocess_cell(self, cell, resources, index):
        self.current = index
        start = time.monotonic()
        try:
            return super().preprocess_cell(cell, resources, index)
        finally:
            if cell.cell_type == "code":
                self.timings.append({"cell": index, "ms": round((time.monotonic() - start) * 1000)})


def main(argv):
    src, dst, kernel, timeout = argv[1], argv[2], argv[3], int(argv[4])
    nb = nbformat.read(src, as_version=4)
    ep = StopAtFirstError(kernel_name=kernel, timeout=timeout, startup_timeout=120)
    ep.timings = []
    result = {"ok": True}
    try:
        ep.preprocess(nb, {"metadata": {"path": os.path.dirname(os.path.abspath(src))}})
    except CellExecutionError as e:
        result = {"ok": False, "cell": ep.current, "kind": "error", "message": str(e)}
    except CellTimeoutError as e:
        result = {"ok": False, "cell": ep.current, "kind": "timeout", "message": str(e)}
    except DeadKernelError as e:
        result = {"ok": False, "cell": ep.current, "kind": "dead kernel", "message": str(e)}
    result["cells"] = ep.timings
    nbformat.write(nb, dst)
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv)
