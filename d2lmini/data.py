"""The airfoil data: a checked download, a cache, and minibatch iterators.

The file comes from d2l's data hub over HTTPS. Its SHA-1 is checked after
every download and on every use of a cached copy, and a download is written
to a temporary file that is renamed into place only once it is known to be
good, so the cache never holds a half-written or corrupted file.

Where the file lives: the folder named by the environment variable
``D2LMINI_DATA_DIR`` if it is set, else a per-user cache folder
(``$XDG_CACHE_HOME/d2lmini``, by default ``~/.cache/d2lmini``).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import urllib.error
import urllib.request
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from d2lmini._checks import check_positive_int

if TYPE_CHECKING:  # for type hints only: torch is imported when needed
    import torch

#: d2l's data hub (d2l writes http://; the same host answers HTTPS).
DATA_URL = "https://d2l-data.s3-accelerate.amazonaws.com/"

#: name -> (URL, SHA-1 of the file), as in d2l's ``DATA_HUB``. d2l's
#: minibatch-SGD section registers the airfoil file itself, as here.
DATA_HUB: dict[str, tuple[str, str]] = {
    "airfoil": (
        DATA_URL + "airfoil_self_noise.dat",
        "76e5be1548fd8222e5074cf0faae75edff8cf93f",
    ),
}

ENV_VAR = "D2LMINI_DATA_DIR"
TIMEOUT = 30.0  # seconds without an answer before a download gives up


class DownloadError(OSError):
    """The data file is not on disk and could not be downloaded."""


class ChecksumError(ValueError):
    """A file's SHA-1 is not the one the data hub lists for it."""


def data_dir() -> Path:
    """Return the folder the data files are read from and cached into.

    >>> folder = data_dir()  # $D2LMINI_DATA_DIR, or ~/.cache/d2lmini
    """
    folder = os.environ.get(ENV_VAR)
    if folder:
        return Path(folder).expanduser()
    cache = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(cache) / "d2lmini"


def sha1_of(path: Path) -> str:
    """Return the SHA-1 hex digest of the file at ``path``."""
    digest = hashlib.sha1()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def download(name: str = "airfoil", folder: str | os.PathLike[str] | None = None,
             timeout: float = TIMEOUT) -> Path:
    """Return the path of a checked local copy of the data file ``name``.

    A cached copy is used if its SHA-1 is right; a copy whose SHA-1 is wrong
    is removed and downloaded again. Raises ``DownloadError`` when there is
    no good copy and the download fails, ``ChecksumError`` when the
    downloaded bytes are not the expected file.

    >>> download("airfoil").name
    'airfoil_self_noise.dat'
    """
    url, sha1 = _hub_entry(name)
    folder = Path(folder) if folder is not None else data_dir()
    path = folder / url.rsplit("/", 1)[-1]
    try:
        if sha1_of(path) == sha1:
            return path
        _discard_bad_copy(path, sha1)
    except FileNotFoundError:  # no copy yet (or another process just removed a bad one)
        pass
    except OSError as err:
        raise DownloadError(f"cannot read {path} ({err.strerror}): fix its permissions, "
                            f"or point {ENV_VAR} at another folder") from err
    _fetch(url, path, sha1, timeout)
    return path


def _hub_entry(name: str) -> tuple[str, str]:
    """``DATA_HUB[name]``, checked: a URL and the SHA-1 to check it against."""
    if name not in DATA_HUB:
        hint = (" (d2lmini downloads by name: register the URL first, "
                "d2l.DATA_HUB['name'] = (url, sha1))" if str(name).startswith("http") else "")
        raise ValueError(f"unknown data set {name!r}; known: {sorted(DATA_HUB)}{hint}")
    entry = DATA_HUB[name]
    if (not isinstance(entry, tuple) or len(entry) != 2 or not all(isinstance(v, str) for v in entry)
            or len(entry[1]) != 40 or any(c not in "0123456789abcdef" for c in entry[1])):
        raise ValueError(f"DATA_HUB[{name!r}] must be (url, sha1) with the file's SHA-1 as 40 "
                         f"hex digits, so that the download can be checked; got {entry!r}")
    return entry


def _discard_bad_copy(path: Path, sha1: str) -> None:
    """Remove a cached file that failed its checksum, or explain why we can't."""
    try:
        path.unlink(missing_ok=True)
    except OSError as err:
        raise ChecksumError(
            f"{path} is not the expected file (its SHA-1 should be {sha1}) and it "
            f"cannot be removed ({err.strerror}). Delete it or replace it with a "
            f"good copy, or point {ENV_VAR} at another folder."
        ) from err
    warnings.warn(f"removed {path}: its SHA-1 was not {sha1}; downloading it again",
                  stacklevel=3)


def _fetch(url: str, path: Path, sha1: str, timeout: float) -> None:
    """Download ``url`` to ``path`` atomically, checking its SHA-1 first."""
    def cannot_write(err: OSError) -> DownloadError:
        return DownloadError(f"cannot write to {path.parent} ({err.strerror}): set {ENV_VAR} "
                             f"to a writable folder, or put a copy of {url} there yourself.")

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.",
                                        suffix=".part")
        os.fchmod(fd, 0o644)  # readable by everyone who shares the folder, as a copy would be
    except OSError as err:
        raise cannot_write(err) from err
    tmp = Path(tmp_name)
    try:
        digest = hashlib.sha1()
        with os.fdopen(fd, "wb") as out:
            try:
                response = urllib.request.urlopen(url, timeout=timeout)
                with response:
                    chunks = list(iter(lambda: response.read(1 << 16), b""))
            except (urllib.error.URLError, OSError) as err:
                reason = getattr(err, "reason", None) or err
                raise DownloadError(
                    f"could not download {url} ({reason}). If this machine is offline, "
                    f"fetch the file on another one, check that its SHA-1 is {sha1}, put "
                    f"it in a folder and set {ENV_VAR} to that folder (now: {path.parent})."
                ) from err
            for chunk in chunks:
                digest.update(chunk)
                out.write(chunk)
        if digest.hexdigest() != sha1:
            raise ChecksumError(
                f"the file downloaded from {url} has SHA-1 {digest.hexdigest()}, "
                f"not {sha1}; it was not kept. Try again later, or download it "
                f"by hand into the folder named by {ENV_VAR}."
            )
        os.replace(tmp, path)
    except (DownloadError, ChecksumError):
        raise
    except OSError as err:  # writing or renaming the file here, not the network
        raise cannot_write(err) from err
    finally:
        tmp.unlink(missing_ok=True)


class ArrayLoader:
    """Minibatches of tensors, reshuffled on every pass when ``shuffle``.

    Drop-in for the ``DataLoader`` that d2l's ``load_array`` returns, without
    its per-sample overhead: one permutation per pass, then slices. Shuffling
    uses torch's global generator, so ``torch.manual_seed`` makes it repeat.

    >>> import torch
    >>> loader = ArrayLoader((torch.arange(6.0), torch.zeros(6)), batch_size=4)
    >>> [len(X) for X, y in loader]
    [4, 2]
    """

    def __init__(self, arrays: Sequence[torch.Tensor], batch_size: int,
                 shuffle: bool = True) -> None:
        check_positive_int("batch_size", batch_size)
        sizes = {len(a) for a in arrays}
        if len(arrays) == 0 or len(sizes) != 1:
            raise ValueError("load_array needs one or more tensors with the same "
                             f"number of rows; got rows {[len(a) for a in arrays]}")
        self.arrays = tuple(arrays)
        self.batch_size = batch_size
        self.shuffle = shuffle
        self.num_examples = sizes.pop()

    def __len__(self) -> int:
        return -(-self.num_examples // self.batch_size)  # ceiling division

    @property
    def dataset(self) -> torch.utils.data.TensorDataset:
        """The examples as a ``TensorDataset``, like a ``DataLoader``'s:
        ``len(data_iter.dataset)`` is the number of examples."""
        import torch.utils.data

        return torch.utils.data.TensorDataset(*self.arrays)

    def __iter__(self) -> Iterator[tuple[torch.Tensor, ...]]:
        arrays = self.arrays
        if self.shuffle:
            import torch

            order = torch.randperm(self.num_examples)
            arrays = tuple(a[order] for a in arrays)
        for i in range(0, self.num_examples, self.batch_size):
            yield tuple(a[i:i + self.batch_size] for a in arrays)


def load_array(data_arrays: Sequence[torch.Tensor], batch_size: int,
               is_train: bool = True) -> ArrayLoader:
    """Return an iterator over minibatches of ``data_arrays`` (d2l's signature).

    >>> import torch
    >>> X, y = torch.ones(10, 2), torch.ones(10)
    >>> len(load_array((X, y), batch_size=3))
    4
    """
    return ArrayLoader(data_arrays, batch_size, shuffle=is_train)


def get_data_ch11(batch_size: int = 10, n: int = 1500) -> tuple[ArrayLoader, int]:
    """Return ``(data_iter, feature_dim)`` for the first ``n`` airfoil examples.

    Every column is standardised over the whole file (zero mean, unit
    variance); the last column is the label, the other five the features.

    >>> data_iter, feature_dim = get_data_ch11(batch_size=10)
    >>> feature_dim, len(data_iter)
    (5, 150)
    """
    check_positive_int("batch_size", batch_size)
    check_positive_int("n", n)
    data = _load_standardised()
    if n > len(data):
        raise ValueError(f"n={n} asks for more rows than the airfoil data has "
                         f"({len(data)}); use n <= {len(data)}")
    import torch

    data = torch.from_numpy(data[:n])
    return load_array((data[:, :-1], data[:, -1]), batch_size), data.shape[1] - 1


def _load_standardised() -> Any:
    """Read the airfoil file as float32 and standardise each column."""
    import numpy as np

    data = np.loadtxt(download("airfoil"), dtype=np.float32, delimiter="\t")
    return (data - data.mean(axis=0)) / data.std(axis=0)

