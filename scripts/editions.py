"""Editions of the course: each release is a frozen copy under its own path (…/course/1.1/), published with mike.

  snapshot [--site DIR] [--unversioned]   record this edition's pages and section ids in data/editions/<ed>.yml
  deploy [--branch B] [--push] [--replace] [--no-strict]
                                          publish this edition (CITATION.cff's major.minor) to branch B with mike,
                                          `latest` pointing at the newest; editions recorded in data/editions/ but
                                          missing from B are first built from their recorded commit
  serve [--branch B] [--addr HOST:PORT]   serve every edition on B (mike serve), version selector included
  export --out DIR [--branch B]           B's files plus redirects from the unversioned addresses of editions
                                          published before editions existed, ready for GitHub Pages

The default branch is `editions-preview`, a local branch that is never pushed; the Pages workflow uses gh-pages.
A published edition is never rebuilt: `deploy` leaves it alone unless --replace (only to repair a broken deploy).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "hooks"))

from checks.editions import Snapshot, dump_snapshot, parse_snapshot  # noqa: E402
from course.citation_text import read_edition  # noqa: E402

DEFAULT_BRANCH = "editions-preview"
BIN = Path(sys.executable).parent  # mike and mkdocs of this environment
HEADING_ID = re.compile(r'<h[2-6]\s[^>]*?\bid="([^"]+)"|<span id="([^"]+)" class="id-alias">')
LANGUAGE_ROOTS = ("en",)  # start pages of the languages other than the default
REDIRECT_STUB = re.compile(r'<meta http-equiv="refresh"')
STUB = """<!doctype html>
<html><head><meta charset="utf-8"><title>Redirecting…</title><link rel="canonical" href="{href}">
<script>location.replace("{href}" + location.search + location.hash)</script>
<meta http-equiv="refresh" content="0; url={href}"></head>
<body><a href="{href}">{href}</a></body></html>
"""


def run(*command: str | Path, cwd: Path = REPO, capture: bool = False, bin_dir: Path = BIN) -> str:
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}", "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([str(part) for part in command], cwd=cwd, env=env, check=True, text=True,
                            stdout=subprocess.PIPE if capture else None)
    return result.stdout if capture else ""


def published_pages(site: Path) -> dict[str, list[str]]:
    """{address relative to the edition root: section ids} of every page in a built site (redirect stubs left out)."""
    pages = {}
    for path in sorted(site.rglob("index.html")):
        rel = path.relative_to(site).as_posix()
        if rel.startswith("assets/"):
            continue
        text = path.read_text(encoding="utf-8")
        if REDIRECT_STUB.search(text[:2000]):
            continue
        pages["/" + rel.removesuffix("index.html")] = [a or b for a, b in HEADING_ID.findall(text)]
    return pages


def strict_build(target: Path, cwd: Path = REPO) -> None:
    run(BIN / "mkdocs", "build", "--strict", "-d", target, cwd=cwd)


def snapshot(site: Path | None, unversioned: bool, out: Path | None) -> Path:
    edition = read_edition(REPO / "CITATION.cff")
    with tempfile.TemporaryDirectory() as tmp:
        if site is None:
            site = Path(tmp) / "site"
            strict_build(site)
        pages = published_pages(site)
    commit = run("git", "rev-parse", "HEAD", capture=True).strip()
    out = out or REPO / "data" / "editions" / f"{edition.name}.yml"
    out.write_text(dump_snapshot(edition.name, edition.version, edition.date, commit, unversioned, pages),
                   encoding="utf-8")
    print(f"{out.relative_to(REPO) if out.is_relative_to(REPO) else out}: {len(pages)} pages of edition {edition.name}")
    return out


def snapshots() -> list[Snapshot]:
    found = []
    for path in sorted((REPO / "data" / "editions").glob("*.yml")):
        snap, problems = parse_snapshot(path.read_text(encoding="utf-8"), path.name)
        if problems or snap is None:
            raise SystemExit("\n".join(map(str, problems)))
        found.append(snap)
    return found


def order(edition: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", edition))


def versions(branch: str) -> list[dict]:
    """mike's versions.json on the branch; [] when the branch does not exist yet."""
    if subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"refs/heads/{branch}"], cwd=REPO,
                      stdout=subprocess.DEVNULL).returncode != 0:
        return []
    return json.loads(run(BIN / "mike", "list", "--json", "--branch", branch, capture=True) or "[]")


def mike_deploy(branch: str, name: str, aliases: list[str], cwd: Path = REPO, bin_dir: Path = BIN) -> None:
    run(bin_dir / "mike", "deploy", "--branch", branch, "--alias-type", "redirect", "--update-aliases",
        "--message", f"Edition {name}", name, *aliases, cwd=cwd, bin_dir=bin_dir)


def pinned(package: str) -> str:
    return next(line.strip() for line in (REPO / "requirements.txt").read_text().splitlines()
                if line.startswith(f"{package}=="))


def deploy_commit(branch: str, snap: Snapshot) -> None:
    """An edition recorded before it was deployed with mike: build it from its own commit with its own pins
    (in a venv of its own: its plugins may since have left requirements.txt), plus this tree's mike."""
    with tempfile.TemporaryDirectory() as tmp:
        tree, venv = Path(tmp) / f"edition-{snap.edition}", Path(tmp) / "venv"
        run("git", "worktree", "add", "--detach", tree, snap.commit)
        try:
            if (REPO / "node_modules").exists():
                (tree / "node_modules").symlink_to(REPO / "node_modules")
            run(sys.executable, "-m", "venv", venv)
            run(venv / "bin" / "pip", "install", "--disable-pip-version-check", "-q", "-r", tree / "requirements.txt",
                *(pinned(p) for p in ("mike", "pyparsing", "verspec", "inversion")))
            mike_deploy(branch, snap.edition, [], cwd=tree, bin_dir=venv / "bin")
        finally:
            run("git", "worktree", "remove", "--force", tree)


def deploy(branch: str, push: bool, replace: bool, strict: bool) -> None:
    edition = read_edition(REPO / "CITATION.cff")
    published = {v["version"] for v in versions(branch)}
    for snap in sorted(snapshots(), key=lambda s: order(s.edition)):
        if snap.edition not in published and snap.edition != edition.name and snap.commit:
            print(f"edition {snap.edition}: not on {branch} yet, building it from {snap.commit[:10]}")
            deploy_commit(branch, snap)
            published.add(snap.edition)
    if edition.name in published and not replace:
        print(f"edition {edition.name} is already published on {branch}; it stays as it is (frozen)")
    else:
        if strict:
            with tempfile.TemporaryDirectory() as tmp:
                strict_build(Path(tmp) / "site")
        newest = max(published | {edition.name}, key=order)
        mike_deploy(branch, edition.name, ["latest"] if edition.name == newest else [])
        published.add(edition.name)
    newest = max(published, key=order)
    if "latest" not in next(v["aliases"] for v in versions(branch) if v["version"] == newest):
        run(BIN / "mike", "alias", "--branch", branch, "--alias-type", "redirect", "--update-aliases", newest, "latest")
    run(BIN / "mike", "set-default", "--branch", branch, "latest")
    if push:
        run("git", "push", "origin", branch)


def unversioned_redirects(snaps: list[Snapshot]) -> dict[str, str]:
    """{file under the site root: redirect page} for editions published at the site root before editions existed:
    each old address leads to the same page and section of that edition (what was cited); a language's start page
    leads to the latest edition. The site root itself is mike's (set-default)."""
    stubs = {}
    for snap in snaps:
        if not snap.unversioned:
            continue
        for page in snap.pages:
            path = page.url.strip("/")
            if not path:
                continue
            target = f"latest/{path}/" if path in LANGUAGE_ROOTS else f"{snap.edition}{page.url}"
            stubs[f"{path}/index.html"] = STUB.format(href="../" * (path.count("/") + 1) + target)
    return stubs


def export(branch: str, out: Path) -> None:
    archive = subprocess.run(["git", "archive", "--format=tar", branch], cwd=REPO, check=True, capture_output=True)
    out.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(out, filter="data")
    written = 0
    for name, text in unversioned_redirects(snapshots()).items():
        if not (out / name).exists():  # the branch's own files win
            (out / name).parent.mkdir(parents=True, exist_ok=True)
            (out / name).write_text(text, encoding="utf-8")
            written += 1
    print(f"{out}: {branch} plus {written} redirects from unversioned addresses")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    snap = commands.add_parser("snapshot")
    snap.add_argument("--site", type=Path, help="a strict build of this tree (default: build one)")
    snap.add_argument("--unversioned", action="store_true", help="the edition was published without an edition path")
    snap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    dep = commands.add_parser("deploy")
    dep.add_argument("--branch", default=DEFAULT_BRANCH)
    dep.add_argument("--push", action="store_true", help="push the branch to origin afterwards")
    dep.add_argument("--replace", action="store_true", help="rebuild an edition already published (repairs only)")
    dep.add_argument("--no-strict", dest="strict", action="store_false", help="skip the strict build first")
    srv = commands.add_parser("serve")
    srv.add_argument("--branch", default=DEFAULT_BRANCH)
    srv.add_argument("--addr", default="127.0.0.1:8000")
    exp = commands.add_parser("export")
    exp.add_argument("--branch", default=DEFAULT_BRANCH)
    exp.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    if args.command == "snapshot":
        snapshot(args.site, args.unversioned, args.out)
    elif args.command == "deploy":
        deploy(args.branch, args.push, args.replace, args.strict)
    elif args.command == "serve":
        os.execv(BIN / "mike", [str(BIN / "mike"), "serve", "--branch", args.branch, "--dev-addr", args.addr])
    else:
        if args.out.exists() and any(args.out.iterdir()):
            shutil.rmtree(args.out)
        export(args.branch, args.out)


if __name__ == "__main__":
    main()
