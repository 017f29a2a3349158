"""The airfoil data: checksum, cache, atomic download, offline error, shapes."""

from __future__ import annotations

import hashlib
import os
import socket
from pathlib import Path

import numpy as np
import pytest

import d2lmini as d2l
from d2lmini import data
from tests.conftest import files_in

SHA1 = "76e5be1548fd8222e5074cf0faae75edff8cf93f"
NAME = "airfoil_self_noise.dat"


@pytest.fixture
def empty_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("D2LMINI_DATA_DIR", str(folder))
    return folder


def test_hub_entry_is_https_with_the_published_checksum():
    url, sha1 = data.DATA_HUB["airfoil"]
    assert url == "https://d2l-data.s3-accelerate.amazonaws.com/" + NAME
    assert sha1 == SHA1


def test_data_dir_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("D2LMINI_DATA_DIR", str(tmp_path))
    assert data.data_dir() == tmp_path
    monkeypatch.delenv("D2LMINI_DATA_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert data.data_dir() == tmp_path / "xdg" / "d2lmini"


def test_download_writes_a_checked_file_and_nothing_else(serve, empty_dir, airfoil_bytes):
    serve(airfoil_bytes)
    path = data.download("airfoil")
    assert path == empty_dir / NAME
    assert hashlib.sha1(path.read_bytes()).hexdigest() == SHA1
    assert files_in(empty_dir) == [NAME]  # no temporary file left behind
    assert path.stat().st_mode & 0o044 == 0o044  # others sharing the folder can read it


def test_a_folder_that_cannot_be_written_gets_a_clear_error(serve, tmp_path, monkeypatch,
                                                            airfoil_bytes):
    folder = tmp_path / "readonly"
    folder.mkdir()
    folder.chmod(0o555)
    monkeypatch.setenv("D2LMINI_DATA_DIR", str(folder))
    serve(airfoil_bytes)
    try:
        if os.access(folder, os.W_OK):  # root ignores the mode: make writing fail another way
            monkeypatch.setattr(data.os, "replace", _raise_enospc)
        with pytest.raises(data.DownloadError, match="cannot write to"):
            data.download("airfoil")
    finally:
        folder.chmod(0o755)
    assert files_in(folder) == []


def _raise_enospc(*args):
    raise OSError(28, "No space left on device")


def test_good_cached_file_is_used_without_a_download(empty_dir, airfoil_bytes, monkeypatch):
    empty_dir.mkdir()
    (empty_dir / NAME).write_bytes(airfoil_bytes)
    monkeypatch.setitem(data.DATA_HUB, "airfoil", ("http://127.0.0.1:9/" + NAME, SHA1))
    assert data.download("airfoil") == empty_dir / NAME


def test_download_rejects_bad_checksum_and_keeps_nothing(serve, empty_dir, airfoil_bytes):
    url = serve(airfoil_bytes[:-10] + b"0000000000")
    with pytest.raises(data.ChecksumError, match="SHA-1") as err:
        data.download("airfoil")
    assert url in str(err.value)
    assert files_in(empty_dir) == []


def test_corrupted_cache_is_replaced_by_a_fresh_download(serve, empty_dir, airfoil_bytes):
    empty_dir.mkdir()
    (empty_dir / NAME).write_bytes(b"half a file")
    serve(airfoil_bytes)
    with pytest.warns(UserWarning, match="SHA-1"):
        path = data.download("airfoil")
    assert path.read_bytes() == airfoil_bytes


def _closed_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/{NAME}"  # nothing listens there now


def test_offline_error_names_the_url_and_the_environment_variable(empty_dir, monkeypatch):
    url = _closed_port_url()
    monkeypatch.setitem(data.DATA_HUB, "airfoil", (url, SHA1))
    with pytest.raises(data.DownloadError) as err:
        d2l.get_data_ch11()
    assert url in str(err.value) and "D2LMINI_DATA_DIR" in str(err.value)
    assert not empty_dir.exists() or files_in(empty_dir) == []


def test_offline_with_a_corrupted_cache_removes_it_and_says_so(empty_dir, monkeypatch):
    empty_dir.mkdir()
    (empty_dir / NAME).write_bytes(b"garbage")
    monkeypatch.setitem(data.DATA_HUB, "airfoil", (_closed_port_url(), SHA1))
    with pytest.warns(UserWarning, match="removed .*SHA-1"):
        with pytest.raises(data.DownloadError, match="D2LMINI_DATA_DIR"):
            data.download("airfoil")
    assert files_in(empty_dir) == []  # the bad copy is not left as if it were good


def test_unknown_data_set_is_rejected():
    with pytest.raises(ValueError, match="unknown data set"):
        data.download("mnist")


def test_get_data_ch11_shapes_and_batch_count():
    data_iter, feature_dim = d2l.get_data_ch11(batch_size=10)
    assert feature_dim == 5 and len(data_iter) == 150
    X, y = next(iter(data_iter))
    assert X.shape == (10, 5) and y.shape == (10,)
    assert len(d2l.get_data_ch11(batch_size=7, n=100)[0]) == 15  # 14 full and one of 2


def test_columns_are_standardised_over_the_whole_file():
    data_iter, _ = d2l.get_data_ch11(batch_size=1503, n=1503)
    X, y = data_iter.arrays
    table = np.column_stack([X.numpy(), y.numpy()])
    assert np.allclose(table.mean(axis=0), 0, atol=1e-4)
    assert np.allclose(table.std(axis=0), 1, atol=1e-4)


def test_every_example_appears_once_per_epoch():
    data_iter, _ = d2l.get_data_ch11(batch_size=64, n=300)
    seen = np.concatenate([y.numpy() for _, y in data_iter])
    assert sorted(seen) == sorted(data_iter.arrays[1].numpy())


def test_shuffling_repeats_with_a_seed():
    import torch

    data_iter, _ = d2l.get_data_ch11(batch_size=10)
    torch.manual_seed(3)
    first = [y for _, y in data_iter]
    torch.manual_seed(3)
    again = [y for _, y in data_iter]
    assert all(torch.equal(a, b) for a, b in zip(first, again))
    assert not torch.equal(first[0], next(iter(data_iter))[1])  # a new epoch reshuffles


@pytest.mark.parametrize("kwargs, error, words", [
    ({"batch_size": 0}, ValueError, "batch_size"),
    ({"batch_size": -1}, ValueError, "batch_size"),
    ({"batch_size": 2.0}, TypeError, "batch_size"),
    ({"n": 0}, ValueError, "n must"),
    ({"n": 1504}, ValueError, "1503"),
])
def test_get_data_ch11_rejects_bad_sizes(kwargs, error, words):
    with pytest.raises(error, match=words):
        d2l.get_data_ch11(**kwargs)


def test_load_array_rejects_arrays_of_different_lengths():
    import torch

    with pytest.raises(ValueError, match="same"):
        d2l.load_array((torch.ones(5, 2), torch.ones(4)), batch_size=2)


def test_the_chapters_own_hub_registration_is_downloaded_checked(serve, empty_dir,
                                                                   airfoil_bytes, monkeypatch):
    """minibatch-sgd registers the file itself, `d2l.DATA_URL + name`, then
    calls `d2l.download('airfoil')`: it gets our checked, atomic download."""
    assert d2l.DATA_HUB is data.DATA_HUB and d2l.DATA_URL == data.DATA_URL
    url = serve(airfoil_bytes)
    monkeypatch.setattr(d2l, "DATA_URL", url.rsplit("/", 1)[0] + "/", raising=False)
    d2l.DATA_HUB["airfoil"] = (d2l.DATA_URL + "airfoil_self_noise.dat", SHA1)
    path = d2l.download("airfoil")
    assert np.genfromtxt(path, dtype=np.float32, delimiter="\t").shape == (1503, 6)
    assert files_in(empty_dir) == [NAME]


def test_a_registration_with_the_wrong_checksum_keeps_nothing(serve, empty_dir, airfoil_bytes):
    url = serve(airfoil_bytes)
    d2l.DATA_HUB["airfoil"] = (url, "0" * 40)
    with pytest.raises(data.ChecksumError, match="not kept"):
        d2l.download("airfoil")
    assert not empty_dir.exists() or files_in(empty_dir) == []


@pytest.mark.parametrize("entry", [
    ("https://example.invalid/f.dat", None),  # d2l allows no checksum; we check every file
    ("https://example.invalid/f.dat",),
    ("https://example.invalid/f.dat", "76E5BE"),
])
def test_a_hub_entry_without_a_usable_checksum_is_rejected(entry, monkeypatch):
    monkeypatch.setitem(data.DATA_HUB, "mine", entry)
    with pytest.raises(ValueError, match=r"DATA_HUB\['mine'\] must be \(url, sha1\)"):
        data.download("mine")


def test_a_url_instead_of_a_name_says_how_to_register_it():
    with pytest.raises(ValueError, match=r"register the URL first, d2l.DATA_HUB\['name'\]"):
        data.download("https://example.invalid/f.dat")


def test_the_data_iterator_has_a_dataset_like_a_dataloader():
    data_iter, _ = d2l.get_data_ch11(batch_size=10)
    assert len(data_iter.dataset) == 1500  # what learners print
    X, y = data_iter.dataset[3]
    assert X.shape == (5,) and float(y) == float(data_iter.arrays[1][3])
