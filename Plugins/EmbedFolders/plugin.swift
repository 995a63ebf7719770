import Foundation
import PackagePlugin

/// Compiles the package's `Content/` and `Templates/` folders into Swift source,
/// so the `attune` binary works from any directory with no flags. The folders
/// stay the single source of truth; the generated file lives in the build folder.
@main
struct EmbedFolders: BuildToolPlugin {
    static let folders = ["Content", "Templates"]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        var inputs: [URL] = []
        for folder in Self.folders {
            let url = root.appending(path: folder)
            let enumerator = FileManager.default.enumerator(
                at: url, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]
            )
            while let file = enumerator?.nextObject() as? URL {
                if (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                    inputs.append(file)
                }
            }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFolders.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(Self.folders.joined(separator: " and "))",
                executable: try context.tool(named: "attune-embed").url,
                arguments: [output.path, root.path] + Self.folders,
                inputFiles: inputs.sorted { $0.path < $1.path },
                outputFiles: [output]
            )
        ]
    }
}
