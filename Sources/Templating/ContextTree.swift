/// A template context as Mustache reads it: dictionaries of the non-`nil`
/// fields of each struct, arrays, and plain values, made by the context's
/// own `Encodable` conformance.
///
/// Why not `Mirror`: reflection looks up every field's type by its mangled
/// name on every read, and indexing a handout's context that way was an
/// eighth of a cohort's run. The compiler-written `encode(to:)` hands each
/// value over directly. Encoding also sees the fields that are `nil`, which
/// is what lets `StrictRoot` tell a typo from a field that is empty today.
struct ContextTree {
    /// The top-level fields that are not `nil`.
    var fields: [String: Any]
    /// Every top-level field name, `nil` ones included, in declaration order.
    var topLevelNames: [String]
    /// Every field name anywhere in the tree, `nil` ones included.
    var allNames: Set<String>

    init(_ context: some Encodable) throws {
        let names = Names()
        let slot = Slot()
        try context.encode(to: TreeEncoder(slot: slot, names: names))
        guard case .object(let object) = slot.content else {
            throw EncodingError.invalidValue(context, .init(codingPath: [], debugDescription: "a template context must be a struct"))
        }
        fields = object.fields
        topLevelNames = object.order
        allNames = names.all
    }
}

/// Field names met while encoding.
private final class Names {
    var all: Set<String> = []
}

/// Where one value's encoding lands.
private final class Slot {
    enum Content {
        case nothing
        case object(Object)
        case array(List)
        case value(Any)
    }

    var content = Content.nothing

    final class Object {
        var fields: [String: Any] = [:]
        var order: [String] = []
    }

    final class List {
        var items: [Any] = []
    }

    func object() -> Object {
        if case .object(let object) = content { return object }
        let object = Object()
        content = .object(object)
        return object
    }

    func list() -> List {
        if case .array(let list) = content { return list }
        let list = List()
        content = .array(list)
        return list
    }

    /// What Mustache gets: `nil` for a value that encoded nothing (left out, as a `nil` field is).
    var value: Any? {
        switch content {
        case .nothing: return nil
        case .object(let object): return object.fields
        case .array(let list): return list.items
        case .value(let value): return value
        }
    }

    /// `value` encoded into a slot of its own, with the plain types taken directly.
    static func tree(of value: some Encodable, names: Names) throws -> Any? {
        switch value {
        case let string as String: return string
        case let flag as Bool: return flag
        case let number as Int: return number
        default:
            let slot = Slot()
            try value.encode(to: TreeEncoder(slot: slot, names: names))
            return slot.value
        }
    }
}

private struct TreeEncoder: Encoder {
    let slot: Slot
    let names: Names
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(Keyed<Key>(object: slot.object(), names: names))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        Unkeyed(list: slot.list(), names: names)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        Single(slot: slot, names: names)
    }
}

private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let object: Slot.Object
    let names: Names
    var codingPath: [any CodingKey] { [] }

    private func set(_ value: Any?, _ key: Key) {
        let name = key.stringValue
        names.all.insert(name)
        object.order.append(name)
        object.fields[name] = value
    }

    mutating func encodeNil(forKey key: Key) throws { set(nil, key) }
    mutating func encode(_ value: String, forKey key: Key) throws { set(value, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(value, key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(value, key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { set(try Slot.tree(of: value, names: names), key) }

    // A `nil` field is left out, but its name is known: see `StrictRoot`.
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { set(value, key) }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { set(value, key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { set(value, key) }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        set(try value.flatMap { try Slot.tree(of: $0, names: names) }, key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        preconditionFailure("template contexts are plain structs: no custom nested containers")
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        preconditionFailure("template contexts are plain structs: no custom nested containers")
    }

    mutating func superEncoder() -> any Encoder { TreeEncoder(slot: Slot(), names: names) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { TreeEncoder(slot: Slot(), names: names) }
}

private struct Unkeyed: UnkeyedEncodingContainer {
    let list: Slot.List
    let names: Names
    var codingPath: [any CodingKey] { [] }
    var count: Int { list.items.count }

    // As with a `nil` field, a `nil` element is left out.
    mutating func encodeNil() throws {}
    mutating func encode(_ value: String) throws { list.items.append(value) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        if let tree = try Slot.tree(of: value, names: names) { list.items.append(tree) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        preconditionFailure("template contexts are plain structs: no custom nested containers")
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        preconditionFailure("template contexts are plain structs: no custom nested containers")
    }

    mutating func superEncoder() -> any Encoder { TreeEncoder(slot: Slot(), names: names) }
}

private struct Single: SingleValueEncodingContainer {
    let slot: Slot
    let names: Names
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { slot.content = .nothing }
    mutating func encode(_ value: String) throws { slot.content = .value(value) }
    mutating func encode(_ value: Bool) throws { slot.content = .value(value) }
    mutating func encode(_ value: Int) throws { slot.content = .value(value) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        if let tree = try Slot.tree(of: value, names: names) { slot.content = .value(tree) } else { slot.content = .nothing }
    }
}
