import Foundation
import Mustache

/// The bottom of Mustache's context stack. A name that no object above it
/// provides reaches this one last, so a name it cannot answer is either a
/// field that is `nil` right now (fine: that is how `{{^field}}` works) or a
/// name no value in the context has at all: a typo, recorded and reported.
final class StrictRoot: MustacheParent {
    private let value: Any
    /// The root's own fields, read once: Mustache asks the root for every
    /// name the objects above it lack, many times per render.
    private let fields: [String: Any]
    private(set) var missing: [String] = []

    init(_ value: Any) {
        self.value = value
        var fields: [String: Any] = [:]
        for child in Mirror(reflecting: value).children {
            if let label = child.label, let converted = Self.indexed(child.value) { fields[label] = converted }
        }
        self.fields = fields
    }

    /// The context as dictionaries and arrays, built once per render.
    /// swift-mustache finds a struct's fields by scanning its `Mirror` on
    /// every lookup; a dictionary answers directly (callgrind: a fifth of
    /// a handout's instructions went to those scans). `nil` fields are left
    /// out, so a lookup falls through exactly as it does for a `nil` field.
    static func indexed(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { indexed($0.value) }
        case .struct, .class:
            var fields: [String: Any] = [:]
            for child in mirror.children {
                if let label = child.label, let converted = indexed(child.value) { fields[label] = converted }
            }
            return fields
        case .collection:
            return mirror.children.compactMap { indexed($0.value) }
        default:
            return value
        }
    }

    var available: [String] {
        Mirror(reflecting: value).children.compactMap(\.label)
    }

    func child(named name: String) -> Any? {
        guard let child = fields[name] else {
            if !isKnown(name), !missing.contains(name) { missing.append(name) }
            return nil
        }
        return child
    }

    /// Names seen in earlier contexts of the same type. A context's fields
    /// do not change between renders, so the whole tree is walked only when
    /// a name is new: once per type in practice, not once per render.
    private nonisolated(unsafe) static var knownByType: [ObjectIdentifier: Set<String>] = [:]
    private static let lock = NSLock()

    private func isKnown(_ name: String) -> Bool {
        let type = ObjectIdentifier(Swift.type(of: value))
        if Self.lock.withLock({ Self.knownByType[type]?.contains(name) }) == true { return true }
        let names = Self.names(in: value)
        Self.lock.withLock { Self.knownByType[type, default: []].formUnion(names) }
        return names.contains(name)
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
