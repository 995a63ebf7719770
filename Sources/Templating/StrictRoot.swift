import Mustache

/// The bottom of Mustache's context stack. A name that no object above it
/// provides reaches this one last, so a name it cannot answer is either a
/// field that is `nil` right now (fine: that is how `{{^field}}` works) or a
/// name no value in the context has at all: a typo, recorded and reported.
final class StrictRoot: MustacheParent {
    private let value: Any
    private(set) var missing: [String] = []
    private lazy var knownNames: Set<String> = Self.names(in: value)

    init(_ value: Any) { self.value = value }

    var available: [String] {
        Mirror(reflecting: value).children.compactMap(\.label)
    }

    func child(named name: String) -> Any? {
        guard let child = Mirror(reflecting: value).children.first(where: { $0.label == name }) else {
            if !knownNames.contains(name), !missing.contains(name) { missing.append(name) }
            return nil
        }
        let mirror = Mirror(reflecting: child.value)
        guard mirror.displayStyle == .optional else { return child.value }
        return mirror.children.first?.value
    }

    /// Every field name anywhere in the context tree, `nil` fields included.
    private static func names(in value: Any) -> Set<String> {
        var names: Set<String> = []
        var pending: [Any] = [value]
        while let next = pending.popLast() {
            let mirror = Mirror(reflecting: next)
            guard mirror.displayStyle != nil else { continue }  // strings, numbers
            for child in mirror.children {
                if let label = child.label, mirror.displayStyle == .struct || mirror.displayStyle == .class {
                    names.insert(label)
                }
                pending.append(child.value)
            }
        }
        return names
    }
}
