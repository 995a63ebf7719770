import ContentModel
import Diagnostics
import Journal

extension JournalReader {
    /// Every journal in `inputs` that parses, and the paths of those that
    /// do not, for a command that reads old journals without judging them
    /// (`attune new` carrying open ruptures forward). Missing folders are
    /// simply empty.
    public func readLeniently(_ inputs: [String]) -> (journals: [Journal], unreadable: [String]) {
        var ignored: [Diagnostic] = []
        let parser = JournalParser(content: content)
        var journals: [Journal] = []
        var unreadable: [String] = []
        for path in expand(inputs.filter { fileSystem.directoryExists(at: $0) || fileSystem.fileExists(at: $0) }, diagnostics: &ignored) {
            do {
                let file = SourceFile(path: path, name: path, text: try fileSystem.readText(at: path))
                journals.append(try parser.parse(file))
            } catch {
                unreadable.append(path)
            }
        }
        return (journals, unreadable)
    }
}
