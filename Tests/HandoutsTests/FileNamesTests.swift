import Testing
@testable import Handouts

@Suite("File names from trainees' names")
struct FileNamesTests {
    @Test("keeps names readable, in any script", arguments: [
        ("Ana López", "ana-lópez"),
        ("李小龍", "李小龍"),
        ("Jonas Weiß", "jonas-weiß"),
        ("Eun-ji Park", "eun-ji-park"),
        ("Gabriel O'Neill", "gabriel-oneill"),
        ("J. R. Smith", "j-r-smith"),
    ])
    func readable(name: String, stem: String) {
        #expect(FileNames.clean(name) == stem)
    }

    @Test("never leaves the output folder, hides a file or names a device", arguments: [
        ("../../x", "x"),
        ("/etc/passwd", "etc-passwd"),
        ("..\\..\\windows\\win.ini", "windows-win-ini"),
        (".bashrc", "bashrc"),
        ("C:\\temp", "c-temp"),
        ("CON", "con-trainee"),
        ("con.txt", "con-txt"),
        ("Lpt1", "lpt1-trainee"),
        ("nul ", "nul-trainee"),
        ("index", "index-trainee"),
        ("All", "all-trainee"),
        ("", "trainee"),
        ("../..", "trainee"),
        ("🙂🙂", "trainee"),
        ("evil\u{202E}gpj.exe", "evil-gpj-exe"),
        ("tab\there\nnewline", "tab-here-newline"),
    ])
    func safe(name: String, stem: String) {
        #expect(FileNames.clean(name) == stem)
    }

    @Test("cuts very long names to 60 characters and 180 bytes, never inside a character")
    func long() {
        #expect(FileNames.clean(String(repeating: "é", count: 500)).count == FileNames.maximumLength)
        #expect(FileNames.clean(String(repeating: "😀a", count: 100)) == Array(repeating: "a", count: 30).joined(separator: "-"))
        let zalgo = "Z" + String(repeating: "\u{0301}", count: 300)
        #expect(FileNames.clean(zalgo + " Ana") == "ana")
        #expect(FileNames.clean(String(repeating: "語", count: 100)).utf8.count == 180)
    }

    @Test("tells colliding names apart in roster order, whatever their case or Unicode form")
    func collisions() {
        var names = FileNames()
        let stems = ["Ana", "ANA!", "Ana 2", "Lo\u{301}pez", "L\u{F3}pez", "index"].map { names.stem(for: $0) }
        #expect(stems == ["ana", "ana-2", "ana-2-2", "lópez", "lópez-2", "index-trainee"])
    }
}
