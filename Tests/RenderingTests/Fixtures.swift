import ContentModel
import Files
import Rendering

/// The bundled material, loaded once for every suite.
enum Fixtures {
    static let resources: Resources = try! Resources.load(fileSystem: InMemoryFileSystem())
    static var content: ContentModel { resources.content }

    /// A week of the bundled curriculum with the cards and prompts given:
    /// the material's shape for one case, without an overlay.
    static func week(cards: [String], prompts: [String] = []) -> Week {
        var week = content.weeks[0]
        week.cards = cards
        week.prompts = prompts
        return week
    }
}
