"""A whole class: the README's Binder badge, Binder links and nbgitpuller link are
well-formed and name the repository declared once in pyproject.toml."""

import re
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import tomllib

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
REPOSITORY = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["urls"]["Repository"]
NOTEBOOKS = ROOT / "notebooks"


def github_slug(url):
    parts = urlsplit(url)
    assert parts.scheme == "https" and parts.netloc == "github.com", url
    slug = parts.path.strip("/").removesuffix(".git")
    assert re.fullmatch(r"[\w.-]+/[\w.-]+", slug), url
    return slug


def binder_links():
    return re.findall(r"https://mybinder\.org/v2/gh/[^\s)\]]+", README)


def test_repository_is_declared_once_on_github():
    assert github_slug(REPOSITORY)


def test_binder_badge_heads_the_readme():
    head = README.split("\n## ", 1)[0]
    assert re.search(r"\[!\[Binder\]\(https://mybinder\.org/badge_logo\.svg\)\]\(", head)


@pytest.mark.parametrize("link", binder_links())
def test_binder_links_name_the_repository_and_a_file_that_exists(link):
    parts = urlsplit(link)
    match = re.fullmatch(r"/v2/gh/([\w.-]+/[\w.-]+)/([\w.-]+)", parts.path)
    assert match, f"not a Binder GitHub link: {link}"
    assert match.group(1) == github_slug(REPOSITORY)
    urlpath = parse_qs(parts.query)["urlpath"][0]
    interface, _, path = urlpath.partition("/")
    assert interface in ("lab", "voila"), urlpath
    path = path.removeprefix("tree/").removeprefix("render/")
    assert (ROOT / path).exists(), f"{link} opens {path}, which is not in the repository"


def test_binder_links_cover_notebooks_and_presentation_page():
    urlpaths = {parse_qs(urlsplit(link).query)["urlpath"][0] for link in binder_links()}
    assert "lab/tree/notebooks" in urlpaths
    assert "voila/render/notebooks/classroom.ipynb" in urlpaths


def nbgitpuller_link():
    block = re.search(r"<!-- nbgitpuller:start -->(.*?)<!-- nbgitpuller:end -->", README, re.S)
    assert block, "the README's nbgitpuller link sits between nbgitpuller markers"
    links = re.findall(r"https://\S+", block.group(1))
    assert len(links) == 1
    return links[0]


def test_nbgitpuller_link_is_well_formed():
    parts = urlsplit(nbgitpuller_link())
    assert parts.scheme == "https" and parts.netloc
    assert parts.path == "/hub/user-redirect/git-pull"
    query = parse_qs(parts.query, strict_parsing=True)
    assert set(query) == {"repo", "branch", "urlpath"}
    assert all(len(values) == 1 for values in query.values())
    assert "/" not in parts.query.split("repo=", 1)[1].split("&", 1)[0], "repo must be encoded"


def test_nbgitpuller_link_pulls_this_repository_into_its_folder():
    query = parse_qs(urlsplit(nbgitpuller_link()).query)
    assert query["repo"][0] == REPOSITORY
    # nbgitpuller clones into a folder named after the repository.
    folder = github_slug(REPOSITORY).split("/")[1]
    urlpath = unquote(query["urlpath"][0])
    prefix = f"lab/tree/{folder}/"
    assert urlpath.startswith(prefix), urlpath
    assert (ROOT / urlpath.removeprefix(prefix)).exists(), urlpath


def test_pip_install_line_names_the_repository():
    urls = re.findall(r"@ git\+(https://\S+?)\"", README)
    assert urls and all(url == REPOSITORY for url in urls)
