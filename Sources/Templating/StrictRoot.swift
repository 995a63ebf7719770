import Mustache

/// The bottom of Mustache's context stack. A name that no object above it
/// provides reaches this one last, so whatever it cannot answer is a name
/// the template uses but the context lacks: recorded, then reported.
///
/// A field that exists but is `nil` is not missing: that is how a context
/// says "nothing here", and `{{^field}}` sections rely on it.
final class StrictRoot: MustacheParent {
    private let value: Any
    private(set) var missing: [String] = []

    init(_ value: Any) { self.value = value }

    var available: [String] {
        Mirror(reflecting: value).children.compactMap(\.label)
    }

    func child(named name: String) -> Any? {
        guard let child = Mirror(reflecting: value).children.first(where: { $0.label == name }) else {
            if !missing.contains(name) { missing.append(name) }
            return nil
        }
        let mirror = Mirror(reflecting: child.value)
        guard mirror.displayStyle == .optional else { return child.value }
        return mirror.children.first?.value
    }
}
