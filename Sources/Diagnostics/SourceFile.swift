/// A text file handed to a parser: the path shown in diagnostics, the name
/// that overlays match on, and the text.
package struct SourceFile: Sendable, Equatable {
    /// Shown to the user, e.g. `Content/markers.yaml` or `my-content/markers.yaml`.
    package var path: String
    /// Relative to its folder; a later layer's file with the same name replaces it.
    package var name: String
    package var text: String

    package init(path: String, name: String, text: String) {
        self.path = path
        self.name = name
        self.text = text
    }

    /// Stacks folders of files: a file in a later layer replaces the file
    /// with the same name in an earlier one. Each result keeps its layer index.
    package static func overlay(_ layers: [[SourceFile]]) -> [(file: SourceFile, layer: Int)] {
        var result: [(file: SourceFile, layer: Int)] = []
        var positions: [String: Int] = [:]
        for (layer, files) in layers.enumerated() {
            for file in files {
                if let position = positions[file.name] {
                    result[position] = (file, layer)
                } else {
                    positions[file.name] = result.count
                    result.append((file, layer))
                }
            }
        }
        return result
    }
}
