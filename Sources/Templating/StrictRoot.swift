import Foundation
import Mustache

/// The bottom of Mustache's context stack. A name that no object above it
/// provides reaches this one last, so a name it cannot answer is either a
/// field that is `nil` right now (fine: that is how `{{^field}}` works) or a
/// name no value in the context has at all: a typo, recorded and reported.
final class StrictRoot: MustacheParent {
    /// The root's own fields, read once: Mustache asks the root for every
    /// name the objects above it lack, many times per render.
    private let fields: [String: Any]
    /// Every top-level field name, in declaration order, for error messages.
    let available: [String]
    private let names: Set<String>
    private let type: ObjectIdentifier
    private(set) var missing: [String] = []

    /// The context as dictionaries and arrays (see `ContextTree`), built once
    /// per render: swift-mustache finds a struct's fields by scanning its
    /// `Mirror` on every lookup, where a dictionary answers directly.
    init<Context: Encodable>(_ context: Context) throws {
        let tree = try ContextTree(context)
        fields = tree.fields
        available = tree.topLevelNames
        names = tree.allNames
        type = ObjectIdentifier(Context.self)
        Self.lock.withLock { Self.knownByType[type, default: []].formUnion(tree.allNames) }
    }

    func child(named name: String) -> Any? {
        guard let child = fields[name] else {
            if !isKnown(name), !missing.contains(name) { missing.append(name) }
            return nil
        }
        return child
    }

    /// Names seen in this context or in earlier ones of the same type: a
    /// field of the items of a list that is empty today is still a field.
    private nonisolated(unsafe) static var knownByType: [ObjectIdentifier: Set<String>] = [:]
    private static let lock = NSLock()

    private func isKnown(_ name: String) -> Bool {
        names.contains(name) || Self.lock.withLock { Self.knownByType[type]?.contains(name) } == true
    }
}
