import Foundation

/// The structure tree (the tags a screen reader follows) of a printed
/// document, read once so each trainee's PDF can carry its own part of it.
///
/// Chromium tags `all.pdf` as one tree: a Document element holding the
/// cover's elements and an element per handout, each element naming the
/// page its marked content is on (`/Pg`). A cut keeps exactly the elements
/// with content on the kept pages (and their ancestors), drops the marked
/// content and annotation references of other pages from them, and keeps
/// the parent tree's entries for the kept pages and links only, so nothing
/// in the tags points at a page the file does not have.
///
/// Each element's page span is worked out once for the whole document, and
/// a cut walks only into elements whose span meets its pages: cutting 100
/// trainees' PDFs then reads each handout's part of the tree once rather
/// than the whole tree a hundred times (with the page numbers, 4% on 100
/// handouts to PDF, see `PageNumbers`).
struct PDFStructure: Sendable {
    /// The StructTreeRoot's object number.
    var root: Int
    /// Every structure element's object number.
    var elements: Set<Int> = []
    /// Each element's first and last page (indexes into the page order) it
    /// or any element under it has content on; absent when it has none.
    var spans: [Int: ClosedRange<Int>] = [:]
    /// The parent tree as one flat list, key → value (a page's array of
    /// elements by MCID, or an annotation's element).
    var parentTree: [(key: Int, value: PDFValue)] = []

    /// One child of a structure element.
    enum Kid {
        /// Marked content (an MCID, or a marked-content reference) on `page`.
        case content(page: Int?)
        /// An object reference: an annotation on `page`.
        case object(page: Int?, annotation: Int?)
        case element(Int)
    }
}

extension PDFDocument {
    /// The document's structure tree, or nil when it is not tagged.
    /// `pageIndex`: each page object's index in the page order.
    func structure(pageIndex: [Int: Int]) -> PDFStructure? {
        guard let catalog = objects[root]?.value.dictionary, let number = catalog["StructTreeRoot"]?.reference,
              let tree = objects[number]?.value.dictionary else { return nil }
        var structure = PDFStructure(root: number)
        var visited: Set<Int> = []
        func widen(_ a: ClosedRange<Int>?, _ b: ClosedRange<Int>?) -> ClosedRange<Int>? {
            guard let a else { return b }
            guard let b else { return a }
            return min(a.lowerBound, b.lowerBound)...max(a.upperBound, b.upperBound)
        }
        func at(_ page: Int?) -> ClosedRange<Int>? { page.flatMap { pageIndex[$0] }.map { $0...$0 } }
        func span(_ element: Int, inherited: Int?) -> ClosedRange<Int>? {
            guard visited.insert(element).inserted, let dictionary = objects[element]?.value.dictionary else { return nil }
            structure.elements.insert(element)
            let page = dictionary["Pg"]?.reference ?? inherited
            var found: ClosedRange<Int>?
            for kid in Self.items(dictionary["K"]) {
                switch structureKid(kid, page: page) {
                case .content(let page)?, .object(let page, _)?: found = widen(found, at(page))
                case .element(let child)?: found = widen(found, span(child, inherited: page))
                case nil: break
                }
            }
            if let found { structure.spans[element] = found }
            return found
        }
        for kid in Self.items(tree["K"]) {
            if case .element(let element)? = structureKid(kid, page: nil) { _ = span(element, inherited: nil) }
        }
        var seenNodes: Set<Int> = []
        func collect(_ node: PDFValue?) {
            guard let node else { return }
            if case .reference(let number) = node, !seenNodes.insert(number).inserted { return }
            guard let dictionary = resolve(node).dictionary else { return }
            let nums = dictionary["Nums"].map(resolve)?.array ?? []
            var index = 0
            while index + 1 < nums.count {
                if case .token(let text) = nums[index], let key = Int(text) { structure.parentTree.append((key, nums[index + 1])) }
                index += 2
            }
            for kid in dictionary["Kids"].map(resolve)?.array ?? [] { collect(kid) }
        }
        collect(tree["ParentTree"])
        return structure
    }

    /// What a structure element's child is. A child element is always an
    /// indirect object; marked-content and object references may be either.
    func structureKid(_ kid: PDFValue, page: Int?) -> PDFStructure.Kid? {
        switch kid {
        case .token(let text): return Int(text) != nil ? .content(page: page) : nil
        case .dictionary(let dictionary): return Self.reference(dictionary, page: page)
        case .reference(let number):
            guard let dictionary = objects[number]?.value.dictionary else { return nil }
            return Self.reference(dictionary, page: page) ?? .element(number)
        default: return nil
        }
    }

    private static func reference(_ dictionary: PDFDictionary, page: Int?) -> PDFStructure.Kid? {
        switch dictionary["Type"]?.name {
        case "MCR": return .content(page: dictionary["Pg"]?.reference ?? page)
        case "OBJR": return .object(page: dictionary["Pg"]?.reference ?? page, annotation: dictionary["Obj"]?.reference)
        default: return nil
        }
    }

    /// A value that may be one item or an array of them, as items.
    static func items(_ value: PDFValue?) -> [PDFValue] {
        switch value {
        case nil, .null?: return []
        case .array(let items)?: return items
        case let value?: return [value]
        }
    }

    /// The part of `structure` on pages `range` (`pages`: those page
    /// objects; `annotations`: the annotations kept on them): each kept
    /// element rewritten into `edited` with only its kept children, and a
    /// new StructTreeRoot and flat parent tree in place of the old ones
    /// (same numbers, so every element's parent still leads to the root).
    /// `keys`: the kept pages' and annotations' parent-tree keys. Returns
    /// the elements kept; nil when nothing is on these pages.
    func cutting(
        _ structure: PDFStructure, range: ClosedRange<Int>, pages: Set<Int>, annotations: Set<Int>, keys: Set<Int>,
        edited: inout [Int: PDFValue], extra: inout [Int: PDFObject], next: inout Int
    ) -> Set<Int>? {
        guard let tree = objects[structure.root]?.value.dictionary else { return nil }
        var kept: Set<Int> = []
        var entered: Set<Int> = []
        func keep(_ element: Int, inherited: Int?) -> Bool {
            guard let span = structure.spans[element], span.overlaps(range), entered.insert(element).inserted,
                  var dictionary = objects[element]?.value.dictionary else { return false }
            let page = dictionary["Pg"]?.reference ?? inherited
            var children: [PDFValue] = []
            for kid in Self.items(dictionary["K"]) {
                switch structureKid(kid, page: page) {
                case .content(let at)?: if let at, pages.contains(at) { children.append(kid) }
                case .object(let at, let annotation)?:
                    if let at, pages.contains(at), let annotation, annotations.contains(annotation) { children.append(kid) }
                case .element(let child)?: if keep(child, inherited: page) { children.append(kid) }
                case nil: break
                }
            }
            guard !children.isEmpty else { return false }
            // Its own page gone, none of its own marked content is left to need it.
            if let own = dictionary["Pg"]?.reference, !pages.contains(own) { dictionary["Pg"] = nil }
            if case .array? = dictionary["K"] { dictionary["K"] = .array(children) } else { dictionary["K"] = children[0] }
            edited[element] = .dictionary(dictionary)
            kept.insert(element)
            return true
        }
        var top: [PDFValue] = []
        for kid in Self.items(tree["K"]) {
            if case .element(let element)? = structureKid(kid, page: nil), keep(element, inherited: nil) { top.append(kid) }
        }
        guard !top.isEmpty else { return nil }
        var root = tree
        root["K"] = top.count == 1 ? top[0] : .array(top)
        root["IDTree"] = nil
        var nums: [PDFValue] = []
        for (key, value) in structure.parentTree.sorted(by: { $0.key < $1.key }) where keys.contains(key) {
            nums += [.token("\(key)"), value]
        }
        var parentTree = PDFDictionary()
        parentTree["Nums"] = .array(nums)
        if let number = tree["ParentTree"]?.reference {
            var old = objects[number]?.value.dictionary ?? PDFDictionary()
            old["Kids"] = nil
            old["Limits"] = nil
            old["Nums"] = .array(nums)
            edited[number] = .dictionary(old)
        } else {
            let number = next
            next += 1
            extra[number] = PDFObject(value: .dictionary(parentTree))
            root["ParentTree"] = .reference(number)
        }
        edited[structure.root] = .dictionary(root)
        return kept
    }
}
