import Foundation

/// The two changes the handouts need from one printed `all.pdf`: blank
/// pages inserted so every handout starts on an odd page, and each
/// trainee's pages cut out as a PDF of their own. Printing the cohort once
/// and editing the result is what keeps a cohort's PDFs about as fast as
/// Chromium printing `all.html` alone (see `make bench`).
extension PDFDocument {
    /// The page objects, in reading order (the page tree walked depth first).
    func pages() throws(PDFFormatError) -> [Int] {
        guard let catalog = objects[root]?.value.dictionary, let tree = catalog["Pages"]?.reference else { throw PDFFormatError("no page tree") }
        var found: [Int] = []
        var seen: Set<Int> = []
        func walk(_ number: Int) throws(PDFFormatError) {
            guard seen.insert(number).inserted, let node = objects[number]?.value.dictionary else { throw PDFFormatError("a broken page tree") }
            if node["Type"]?.name == "Pages" {
                for kid in node["Kids"]?.array ?? [] {
                    guard let child = kid.reference else { throw PDFFormatError("a broken page tree") }
                    try walk(child)
                }
            } else {
                found.append(number)
            }
        }
        try walk(tree)
        return found
    }

    /// The document's named destinations (the targets of its internal
    /// links, by the element's id): name → page object.
    func destinations() -> [String: Int] {
        guard let catalog = objects[root]?.value.dictionary, let value = catalog["Dests"] else { return [:] }
        guard let dests = resolve(value).dictionary else { return [:] }
        var found: [String: Int] = [:]
        for (key, target) in dests.entries {
            let array = resolve(target).array ?? resolve(target).dictionary?["D"].map(resolve)?.array
            // Chromium writes an id as a URL fragment: "ana-lópez" as /ana-l#25C3#25B3pez.
            if let page = array?.first?.reference { found[Self.destinationName(key)] = page }
        }
        return found
    }

    func resolve(_ value: PDFValue) -> PDFValue {
        if case .reference(let number) = value { return objects[number]?.value ?? .null }
        return value
    }

    static func destinationName(_ key: String) -> String {
        let name = decodeName(key)
        return name.removingPercentEncoding ?? name
    }

    /// A name's `#xx` escapes undone, read as UTF-8.
    static func decodeName(_ name: String) -> String {
        var bytes: [UInt8] = []
        var utf8 = Array(name.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "#"), utf8.count >= 2, let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The inheritable attributes a page may take from its tree.
    static let inherited = ["Resources", "MediaBox", "CropBox", "Rotate"]

    /// The same document with one flat page tree, and a blank page (the size
    /// of the page before it) after each page whose index is in `after`.
    /// Nothing else changes: tags, outline and links keep pointing at the
    /// same page objects.
    func withBlankPages(after: Set<Int>) throws(PDFFormatError) -> PDFDocument {
        let order = try pages()
        guard var catalog = objects[root]?.value.dictionary, let tree = catalog["Pages"]?.reference else { throw PDFFormatError("no page tree") }
        var copy = self
        var next = (objects.keys.max() ?? 0) + 1
        let flattened = try flattenedPages(order)
        for (number, page) in flattened { copy.objects[number]?.value = .dictionary(page) }
        for (number, object) in objects where number != tree && object.value.dictionary?["Type"]?.name == "Pages" {
            copy.objects[number] = nil
        }
        var kids: [PDFValue] = []
        for (index, number) in order.enumerated() {
            kids.append(.reference(number))
            copy.objects[number]?.value = .dictionary(with(flattened[number]!, "Parent", .reference(tree)))
            if after.contains(index) {
                var blank = PDFDictionary()
                blank["Type"] = .name("Page")
                blank["Parent"] = .reference(tree)
                blank["MediaBox"] = flattened[number]!["MediaBox"] ?? .array([.token("0"), .token("0"), .token("595"), .token("842")])
                blank["Resources"] = .dictionary(PDFDictionary())
                copy.objects[next] = PDFObject(value: .dictionary(blank))
                kids.append(.reference(next))
                next += 1
            }
        }
        var root = PDFDictionary()
        root["Type"] = .name("Pages")
        root["Count"] = .token("\(kids.count)")
        root["Kids"] = .array(kids)
        copy.objects[tree] = PDFObject(value: .dictionary(root))
        catalog["Pages"] = .reference(tree)
        copy.objects[self.root]?.value = .dictionary(catalog)
        return copy
    }

    /// Each page's dictionary with what it inherited from the tree written in.
    func flattenedPages(_ order: [Int]) throws(PDFFormatError) -> [Int: PDFDictionary] {
        var result: [Int: PDFDictionary] = [:]
        for number in order {
            guard var page = objects[number]?.value.dictionary else { throw PDFFormatError("a page that is not a dictionary") }
            var parent = page["Parent"]?.reference
            var hops = 0
            while let current = parent, hops < 64, let node = objects[current]?.value.dictionary {
                for key in Self.inherited where page[key] == nil {
                    if let value = node[key] { page[key] = value }
                }
                parent = node["Parent"]?.reference
                hops += 1
            }
            result[number] = page
        }
        return result
    }

    private func with(_ dictionary: PDFDictionary, _ key: String, _ value: PDFValue?) -> PDFDictionary {
        var copy = dictionary
        copy[key] = value
        return copy
    }

    /// Pages `range` (indexes into `pages()`) as a document of their own:
    /// the same page objects with everything they use (fonts, images), the
    /// outline entries that lead into them, the links that stay inside them,
    /// the catalog's language and viewer preferences, and `title`; and,
    /// when the document is tagged (`structure`, read once for every cut),
    /// its tags for these pages (see `PDFStructure`).
    func extracting(_ range: Range<Int>, title: String, structure: PDFStructure? = nil) throws(PDFFormatError) -> PDFDocument {
        let order = try pages()
        guard !range.isEmpty, range.lowerBound >= 0, range.upperBound <= order.count else { throw PDFFormatError("pages out of range") }
        guard let catalog = objects[root]?.value.dictionary else { throw PDFFormatError("no catalog") }
        let kept = Array(order[range])
        let keptSet = Set(kept)
        let allPages = Set(order)
        let flattened = try flattenedPages(kept)
        let names = destinations().filter { keptSet.contains($0.value) }

        // New objects take numbers above the old ones, renumbered at the end.
        var next = (objects.keys.max() ?? 0) + 1
        let newTree = next; next += 1
        let newCatalog = next; next += 1
        let newInfo = next; next += 1
        var extra: [Int: PDFObject] = [:]
        var edited: [Int: PDFValue] = [:]

        /// Whether a link or outline entry points inside the kept pages.
        func target(_ value: PDFValue?) -> Bool? {
            guard let value else { return nil }
            switch resolve(value) {
            case .array(let items): return items.first?.reference.map(keptSet.contains)
            case .name(let name): return names[Self.destinationName(name)] != nil
            case .string: return false
            default: return nil
            }
        }

        // The parent-tree keys of the kept pages and links, and the links kept.
        var keys: Set<Int> = []
        var keptAnnotations: Set<Int> = []
        func key(_ value: PDFValue?) {
            if case .token(let text)? = value, let number = Int(text) { keys.insert(number) }
        }
        for number in kept {
            var page = flattened[number]!
            page["Parent"] = .reference(newTree)
            if structure == nil { page["StructParents"] = nil } else { key(page["StructParents"]) }
            if let annotations = page["Annots"].map(resolve)?.array {
                var keep: [PDFValue] = []
                for annotation in annotations {
                    guard let reference = annotation.reference, var dictionary = objects[reference]?.value.dictionary else { continue }
                    let action = dictionary["A"].map(resolve)?.dictionary
                    let inside = target(dictionary["Dest"]) ?? (action?["S"]?.name == "GoTo" ? target(action?["D"]) : nil) ?? true
                    guard inside else { continue }
                    if structure == nil { dictionary["StructParent"] = nil } else { key(dictionary["StructParent"]) }
                    keptAnnotations.insert(reference)
                    if let owner = dictionary["P"]?.reference, !keptSet.contains(owner) { dictionary["P"] = nil }
                    edited[reference] = .dictionary(dictionary)
                    keep.append(annotation)
                }
                page["Annots"] = keep.isEmpty ? nil : .array(keep)
            }
            edited[number] = .dictionary(page)
        }

        // The tags on these pages.
        let keptElements = structure.flatMap {
            cutting($0, range: range.lowerBound...(range.upperBound - 1), pages: keptSet, annotations: keptAnnotations, keys: keys,
                    edited: &edited, extra: &extra, next: &next)
        } ?? []
        let allElements = structure?.elements ?? []

        // The outline: the shallowest entries that lead into these pages
        // (a handout's title, under the cover's in all.pdf), with everything
        // under them, as the new top level; a link to its element (/SE)
        // kept where that element is.
        var outlineTop: [Int] = []
        var visited: Set<Int> = []
        func findEntries(from first: Int?) {
            var item = first
            while let current = item, visited.insert(current).inserted, let entry = objects[current]?.value.dictionary {
                if target(entry["Dest"]) == true {
                    outlineTop.append(current)
                } else {
                    findEntries(from: entry["First"]?.reference)
                }
                item = entry["Next"]?.reference
            }
        }
        if let outlines = catalog["Outlines"].map(resolve)?.dictionary { findEntries(from: outlines["First"]?.reference) }
        let outlineRoot = outlineTop.isEmpty ? nil : next
        if outlineRoot != nil { next += 1 }
        var visible = outlineTop.count
        var stack: [Int] = []
        for (index, number) in outlineTop.enumerated() {
            var entry = objects[number]!.value.dictionary!
            entry["Parent"] = .reference(outlineRoot!)
            entry["Prev"] = index > 0 ? .reference(outlineTop[index - 1]) : nil
            entry["Next"] = index + 1 < outlineTop.count ? .reference(outlineTop[index + 1]) : nil
            if case .token(let count)? = entry["Count"], let value = Int(count), value > 0 { visible += value }
            if let element = entry["SE"]?.reference, keptElements.contains(element) {} else { entry["SE"] = nil }
            edited[number] = .dictionary(entry)
            if let first = entry["First"]?.reference { stack.append(first) }
        }
        while let number = stack.popLast() {
            guard var entry = objects[number]?.value.dictionary else { continue }
            if let element = entry["SE"]?.reference, keptElements.contains(element) {} else { entry["SE"] = nil }
            if target(entry["Dest"]) == false { entry["Dest"] = nil }
            edited[number] = .dictionary(entry)
            if let first = entry["First"]?.reference { stack.append(first) }
            if let sibling = entry["Next"]?.reference { stack.append(sibling) }
        }

        // Everything reachable from the kept pages and outline, never another page.
        var reached: Set<Int> = []
        var work = kept + outlineTop
        func visit(_ value: PDFValue) {
            switch value {
            case .reference(let number):
                if allPages.contains(number) && !keptSet.contains(number) { return }
                if allElements.contains(number) && !keptElements.contains(number) { return }
                if !reached.contains(number), objects[number] != nil { work.append(number) }
            case .array(let items): items.forEach(visit)
            case .dictionary(let dictionary): for entry in dictionary.entries { visit(entry.value) }
            default: break
            }
        }
        while let number = work.popLast() {
            guard reached.insert(number).inserted else { continue }
            visit(edited[number] ?? objects[number]!.value)
        }

        var tree = PDFDictionary()
        tree["Type"] = .name("Pages")
        tree["Count"] = .token("\(kept.count)")
        tree["Kids"] = .array(kept.map { .reference($0) })
        extra[newTree] = PDFObject(value: .dictionary(tree))
        var newCatalogDictionary = PDFDictionary()
        newCatalogDictionary["Type"] = .name("Catalog")
        newCatalogDictionary["Pages"] = .reference(newTree)
        if !names.isEmpty {
            var dests = PDFDictionary()
            let source = resolve(catalog["Dests"]!).dictionary!
            for (key, value) in source.entries where names[Self.destinationName(key)] != nil {
                dests[key] = value
                visit(value)
            }
            newCatalogDictionary["Dests"] = .dictionary(dests)
        }
        if let outlineRoot {
            var root = PDFDictionary()
            root["Type"] = .name("Outlines")
            root["First"] = .reference(outlineTop.first!)
            root["Last"] = .reference(outlineTop.last!)
            root["Count"] = .token("\(visible)")
            extra[outlineRoot] = PDFObject(value: .dictionary(root))
            newCatalogDictionary["Outlines"] = .reference(outlineRoot)
        }
        if let structure, !keptElements.isEmpty {
            newCatalogDictionary["MarkInfo"] = catalog["MarkInfo"] ?? .dictionary(PDFDictionary(entries: [("Marked", .token("true"))]))
            newCatalogDictionary["StructTreeRoot"] = .reference(structure.root)
            visit(.reference(structure.root))
        }
        for key in ["ViewerPreferences", "Lang"] {
            if let value = catalog[key] { newCatalogDictionary[key] = value; visit(value) }
        }
        while let number = work.popLast() {
            guard reached.insert(number).inserted else { continue }
            visit(edited[number] ?? objects[number]!.value)
        }
        extra[newCatalog] = PDFObject(value: .dictionary(newCatalogDictionary))
        var infoDictionary = info.flatMap { objects[$0]?.value.dictionary } ?? PDFDictionary()
        infoDictionary["Title"] = Self.textString(title)
        extra[newInfo] = PDFObject(value: .dictionary(infoDictionary))

        // Renumbered 1...n in the old order, so the same pages give the same bytes.
        var numbers: [Int: Int] = [:]
        for (index, old) in (reached.sorted() + extra.keys.sorted()).enumerated() { numbers[old] = index + 1 }
        func renumber(_ value: PDFValue) -> PDFValue {
            value.replacingReferences { number in numbers[number].map { .reference($0) } ?? .null }
        }
        var result: [Int: PDFObject] = [:]
        for number in reached {
            var object = objects[number]!
            object.value = renumber(edited[number] ?? object.value)
            result[numbers[number]!] = object
        }
        for (number, object) in extra { result[numbers[number]!] = PDFObject(value: renumber(object.value), stream: object.stream) }
        return PDFDocument(objects: result, root: numbers[newCatalog]!, info: numbers[newInfo]!)
    }
}

/// A cohort's handouts printed once, as `all.html`, made into `all.pdf`
/// (every handout starting on an odd page) and one PDF per trainee.
package enum CohortPDF {
    /// One handout: the id of its element (a link target in the cover, so
    /// the printed PDF names its first page) and the title its PDF gets.
    package struct Handout: Sendable {
        package var anchor: String
        package var title: String
        package init(anchor: String, title: String) {
            self.anchor = anchor
            self.title = title
        }
    }

    /// Each handout's length in pages in `printed`, in order: what its
    /// page numbers need (see `PageNumbers`).
    package static func lengths(_ printed: Data, handouts: [Handout]) throws(PrintError) -> [Int] {
        do {
            let document = try PDFDocument(parsing: printed)
            let order = try document.pages()
            let starts = try starts(of: handouts, in: document, order: order)
            return zip(starts, Array(starts.dropFirst()) + [order.count]).map { $1 - $0 }
        } catch {
            throw PrintError("cannot find the printed handouts' pages: \(error)")
        }
    }

    /// The index of each handout's first page, found by its anchor.
    private static func starts(of handouts: [Handout], in document: PDFDocument, order: [Int]) throws(PDFFormatError) -> [Int] {
        let index = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        let destinations = document.destinations()
        var starts: [Int] = []
        for handout in handouts {
            guard let page = destinations[handout.anchor], let start = index[page] else {
                throw PDFFormatError("no page starts the handout '\(handout.anchor)'")
            }
            guard start > (starts.last ?? 0) else { throw PDFFormatError("the handout '\(handout.anchor)' does not start on a page of its own") }
            starts.append(start)
        }
        return starts
    }

    /// Cuts `printed` (the cover, then each handout from the top of a new
    /// page, in order) at each handout's first page. A blank page follows
    /// the cover and each handout of odd length in `all`, so every handout
    /// starts on an odd page when printed double-sided. With `pageNumbers`
    /// every handout page is numbered within its handout, in `all` and in
    /// the trainee's own PDF (see `PageNumbers`).
    package static func split(_ printed: Data, handouts: [Handout], pageNumbers: PageNumbers? = nil) throws(PrintError) -> (all: Data, handouts: [Data]) {
        do {
            var document = try PDFDocument(parsing: printed)
            let order = try document.pages()
            let index = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
            let starts = try starts(of: handouts, in: document, order: order)
            let ends = Array(starts.dropFirst()) + [order.count]
            var blanks: Set<Int> = []
            if let first = starts.first, first % 2 == 1 { blanks.insert(first - 1) }
            for (start, end) in zip(starts, ends) where (end - start) % 2 == 1 { blanks.insert(end - 1) }
            if let pageNumbers {
                var map: [Int: Int] = [:]
                for (start, end) in zip(starts, ends) {
                    for page in start..<end {
                        guard let number = pageNumbers.index(page: page - start, length: end - start) else {
                            throw PDFFormatError("no page number was printed for page \(page - start + 1) of \(end - start)")
                        }
                        map[page] = number
                    }
                }
                document = try document.overlaying(PDFDocument(parsing: pageNumbers.pdf), map)
            }
            let all = try document.withBlankPages(after: blanks).serialized()
            let structure = document.structure(pageIndex: index)
            var pieces: [Data] = []
            for (handout, (start, end)) in zip(handouts, zip(starts, ends)) {
                pieces.append(try document.extracting(start..<end, title: handout.title, structure: structure).serialized())
            }
            return (all, pieces)
        } catch {
            throw PrintError("cannot cut the printed handouts apart: \(error)")
        }
    }
}
