"""The import check can fail: a made-up package with one target of each kind
of mismatch, and the ways an import line can be written.

Usage: python3 -m unittest discover -s .ci/import-check
"""

import os
import tempfile
import unittest

import import_check


def package(*targets):
    return {"targets": list(targets)}


def target(name, kind="regular", dependencies=(), path=None, exclude=()):
    deps = []
    for dependency in dependencies:
        if isinstance(dependency, tuple):  # (product, package)
            deps.append({"product": [dependency[0], dependency[1], None, None]})
        else:
            deps.append({"byName": [dependency, None]})
    result = {"name": name, "type": kind, "dependencies": deps, "exclude": list(exclude)}
    if path:
        result["path"] = path
    return result


class ImportsInTests(unittest.TestCase):
    def test_every_way_of_writing_an_import(self):
        source = "\n".join([
            "import Foundation",
            "@testable import Workbook",
            "package import Files",
            "internal import Diagnostics",
            "public import GFM",
            "@preconcurrency import Yams",
            "@_exported import Journal",
            "import struct ContentModel.Card",
            "  import Templating  // indented, with a comment",
            "#if canImport(Glibc)",
            "import Glibc",
            "#endif",
        ])
        self.assertEqual(import_check.imports_in(source), {
            "Foundation", "Workbook", "Files", "Diagnostics", "GFM", "Yams",
            "Journal", "ContentModel", "Templating", "Glibc",
        })

    def test_text_that_only_looks_like_an_import_is_not_one(self):
        source = "\n".join([
            "// import Commented",
            "/* import Blocked",
            "import AlsoBlocked */",
            'let words = """',
            "import",
            "importance",
            "import InAString",
            '"""',
            'let raw = #"""',
            'import InARawString """ still inside',
            '"""#',
            "let important = 1",
            "func imports() {}",
        ])
        self.assertEqual(import_check.imports_in(source), set())


class CompareTests(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.TemporaryDirectory()
        self.root = self.folder.name

    def tearDown(self):
        self.folder.cleanup()

    def write(self, path, text):
        full = os.path.join(self.root, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as f:
            f.write(text)

    def test_equal_graph_passes(self):
        self.write("Sources/A/a.swift", "import Foundation\n")
        self.write("Sources/B/b.swift", "import A\nimport Yams\n")
        self.write("Tests/BTests/t.swift", "import Testing\n@testable import B\n")
        pkg = package(
            target("C", kind="system"),
            target("A"),
            target("B", dependencies=["A", ("Yams", "Yams")]),
            target("BTests", kind="test", dependencies=["B"]),
        )
        self.assertEqual(import_check.compare(pkg, self.root, {}), [])

    def test_missing_and_extra_dependencies_are_named(self):
        self.write("Sources/A/a.swift", "import Foundation\n")
        self.write("Sources/B/b.swift", "import Foundation\n")
        self.write("Sources/W/w.swift", "import A\nimport B\n")
        self.write("Tests/WTests/t.swift", "@testable import W\nimport A\n")
        pkg = package(
            target("A"),
            target("B"),
            target("W", dependencies=["A", "X", ("Mustache", "swift-mustache")]),
            target("WTests", kind="test", dependencies=["W"]),
        )
        self.assertEqual(import_check.compare(pkg, self.root, {}), [
            "W: declared but never imported: Mustache, X; imported but not declared: B",
            "WTests: imported but not declared: A",
        ])

    def test_custom_path_and_excluded_folders(self):
        self.write("Plugins/Tool/main.swift", "import Foundation\nimport Lib\n")
        self.write("Sources/Lib/l.swift", "import Foundation\n")
        self.write("Tests/LibTests/t.swift", "import Lib\n")
        self.write("Tests/LibTests/Golden/fixture.swift", "import NotAModule\n")
        pkg = package(
            target("Lib"),
            target("tool", kind="executable", dependencies=["Lib"], path="Plugins/Tool"),
            target("LibTests", kind="test", dependencies=["Lib"], exclude=["Golden"]),
        )
        self.assertEqual(import_check.compare(pkg, self.root, {}), [])

    def test_an_executable_run_not_imported_needs_listing(self):
        self.write("Sources/tool/main.swift", "import Foundation\n")
        self.write("Plugins/Embed/plugin.swift", "import PackagePlugin\n")
        pkg = package(
            target("tool", kind="executable"),
            target("Embed", kind="plugin", dependencies=["tool"]),
        )
        self.assertEqual(import_check.compare(pkg, self.root, {}),
                         ["Embed: declared but never imported: tool"])
        self.assertEqual(import_check.compare(pkg, self.root, {"Embed": {"tool"}}), [])

    def test_listing_only_excuses_executables(self):
        self.write("Sources/Lib/l.swift", "import Foundation\n")
        self.write("Sources/App/a.swift", "import Foundation\n")
        pkg = package(target("Lib"), target("App", dependencies=["Lib"]))
        self.assertEqual(import_check.compare(pkg, self.root, {"App": {"Lib"}}),
                         ["App: declared but never imported: Lib"])


if __name__ == "__main__":
    unittest.main()
