import Files
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Prints with Debian's headless Chromium: one browser process for a whole
/// run, started at the first page and driven over the DevTools protocol on
/// a pipe (`--remote-debugging-pipe`: JSON messages ending in a NUL byte,
/// read by the browser on fd 3 and written on fd 4), so no port is opened
/// and no WebSocket library is needed.
///
/// Each page is put into one tab with `Page.setDocumentContent` (never a
/// file or network address) and printed with `Page.printToPDF`: tagged, with
/// a document outline from the headings, backgrounds off as with default
/// print settings, the page size and margins from the page's own CSS.
///
/// The browser's profile lives in a fresh temporary folder. Ending the run,
/// normally or by Ctrl-C or `kill` (see `Interruption`), kills the browser
/// and removes the folder. After `kill -9` the browser sees its pipe close
/// and exits; only its temporary folder can stay behind.
public final class Chromium: PDFPrinter, @unchecked Sendable {
    /// The Debian package that provides the browser.
    public static let package = "chromium"

    /// The browser to use: `$ATTUNE_CHROMIUM` if set, else `chromium` (or
    /// `chromium-browser`, `google-chrome`) on the `PATH`; nil when none is.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let explicit = environment["ATTUNE_CHROMIUM"], !explicit.isEmpty {
            return access(explicit, X_OK) == 0 ? explicit : nil
        }
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in path.split(separator: ":") where !folder.isEmpty {
                let candidate = "\(folder)/\(name)"
                if access(candidate, X_OK) == 0 { return candidate }
            }
        }
        return nil
    }

    /// The one line said when `--format pdf` is asked for and no browser is found.
    public static let missingMessage = "PDF output needs Chromium, which is not installed: install the Debian package 'chromium' (apt-get install chromium), or set ATTUNE_CHROMIUM to a Chromium binary. Nothing was written."

    public let executable: String
    /// How long one reply may take before the browser is given up on.
    public var timeout: TimeInterval = 120
    private let lock = NSLock()
    private var browser: Browser?

    public init(executable: String) {
        self.executable = executable
    }

    deinit { close() }

    public func print(_ jobs: [PrintJob]) throws(PrintError) -> [Data] {
        lock.lock()
        defer { lock.unlock() }
        do {
            if browser == nil { browser = try Browser(executable: executable, timeout: timeout) }
            var out: [Data] = []
            for job in jobs { out.append(try browser!.print(job)) }
            return out
        } catch let error as PrintError {
            browser?.stop()
            browser = nil
            throw error
        } catch {
            browser?.stop()
            browser = nil
            throw PrintError("Chromium: \(error)")
        }
    }

    /// Ends the browser and removes its profile. Also done on deinit.
    public func close() {
        lock.lock()
        defer { lock.unlock() }
        browser?.stop()
        browser = nil
    }
}

/// One running browser and its tab.
final class Browser: @unchecked Sendable {
    let pid: pid_t
    let profile: String
    private let toBrowser: Int32
    private let fromBrowser: Int32
    private let timeout: TimeInterval
    private var buffer: [UInt8] = []
    private var nextID = 0
    private var session = ""
    private var frame = ""
    private var stopped = false
    private let stopLock = NSLock()
    private var interruptToken: Int?

    init(executable: String, timeout: TimeInterval) throws {
        self.timeout = timeout
        var template = Array((NSTemporaryDirectory() + "/attune-chromium-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw PrintError("Chromium: cannot make a temporary profile folder: \(String(cString: strerror(errno)))") }
        profile = String(cString: made)
        var toPipe: [Int32] = [0, 0], fromPipe: [Int32] = [0, 0]
        guard pipe(&toPipe) == 0, pipe(&fromPipe) == 0 else { throw PrintError("Chromium: cannot make a pipe") }
        for fd in toPipe + fromPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var arguments = [
            executable, "--headless", "--remote-debugging-pipe", "--user-data-dir=\(profile)",
            "--no-first-run", "--no-default-browser-check", "--disable-gpu", "--disable-extensions",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-default-apps", "--mute-audio", "--hide-scrollbars", "--no-pings",
            "--disable-features=Translate,MediaRouter,OptimizationHints",
        ]
        // Chromium's sandbox refuses to run as root (a container's usual user).
        if geteuid() == 0 { arguments.append("--no-sandbox") }
        arguments.append("about:blank")

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, toPipe[0], 3)
        posix_spawn_file_actions_adddup2(&actions, fromPipe[1], 4)
        // Nothing else of this process's reaches the browser: an inherited
        // output folder's lock would be held for as long as the browser ran.
        for fd in Self.openDescriptors() where fd > 4 { posix_spawn_file_actions_addclose(&actions, fd) }
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, nil, &argv, environ)
        close(toPipe[0])
        close(fromPipe[1])
        guard status == 0 else {
            close(toPipe[1]); close(fromPipe[0])
            rmdir(profile)
            throw PrintError("Chromium: cannot start \(executable): \(String(cString: strerror(status)))")
        }
        pid = child
        toBrowser = toPipe[1]
        fromBrowser = fromPipe[0]
        interruptToken = Interruption.shared.atInterrupt { [pid, profile] in
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            Browser.removeTree(profile)
        }
        do {
            let target = try call("Target.createTarget", ["url": "about:blank"])
            guard let targetID = target["targetId"] as? String else { throw PrintError("Chromium: no tab was opened") }
            let attached = try call("Target.attachToTarget", ["targetId": targetID, "flatten": true])
            guard let sessionID = attached["sessionId"] as? String else { throw PrintError("Chromium: cannot attach to its tab") }
            session = sessionID
            frame = targetID
        } catch {
            stop()
            throw error
        }
    }

    func print(_ job: PrintJob) throws -> Data {
        _ = try call("Page.setDocumentContent", ["frameId": frame, "html": String(decoding: job.html, as: UTF8.self)], session: session)
        let result = try call("Page.printToPDF", [
            "printBackground": false,
            "preferCSSPageSize": true,
            // A4 unless the page's CSS sets a size.
            "paperWidth": 8.27, "paperHeight": 11.69,
            "generateTaggedPDF": true,
            "generateDocumentOutline": true,
            "displayHeaderFooter": true,
            "headerTemplate": Self.header(job.runningHead),
            "footerTemplate": Self.footer,
        ], session: session)
        guard let base64 = result["data"] as? String, let pdf = Data(base64Encoded: base64) else {
            throw PrintError("Chromium: printing gave no PDF")
        }
        return PDFDates.fixed(pdf)
    }

    /// The running head: text only, every character escaped.
    static func header(_ text: String) -> String {
        #"<div style="font: 8pt sans-serif; color: #555555; width: 100%; margin: 0 14mm;">"# + escape(text) + "</div>"
    }

    static let footer = #"<div style="font: 8pt sans-serif; color: #555555; width: 100%; margin: 0 14mm; text-align: right;">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>"#

    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    func stop() {
        stopLock.lock()
        defer { stopLock.unlock() }
        guard !stopped else { return }
        stopped = true
        if let interruptToken { Interruption.shared.removeAtInterrupt(interruptToken) }
        close(toBrowser)
        close(fromBrowser)
        kill(pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        Self.removeTree(profile)
    }

    static func removeTree(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    static func openDescriptors() -> [Int32] {
        #if os(Linux)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return names.compactMap { Int32($0) }
        #else
        return Array(5..<Int32(min(getdtablesize(), 4096)))
        #endif
    }

    // MARK: The protocol

    private func call(_ method: String, _ params: [String: Any], session: String? = nil) throws -> [String: Any] {
        nextID += 1
        let id = nextID
        var message: [String: Any] = ["id": id, "method": method, "params": params]
        if let session { message["sessionId"] = session }
        var bytes = try JSONSerialization.data(withJSONObject: message)
        bytes.append(0)
        try send(bytes)
        while true {
            let reply = try receive()
            guard let object = try? JSONSerialization.jsonObject(with: Data(reply)) as? [String: Any] else { continue }
            guard (object["id"] as? Int) == id else { continue }  // an event, or another reply
            if let error = object["error"] as? [String: Any] {
                throw PrintError("Chromium: \(method) failed: \(error["message"] as? String ?? "unknown error")")
            }
            return object["result"] as? [String: Any] ?? [:]
        }
    }

    private func send(_ data: Data) throws {
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < raw.count {
                let written = write(toBrowser, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw PrintError("Chromium stopped answering (\(String(cString: strerror(errno))))")
                }
                offset += written
            }
        }
    }

    private func receive() throws -> [UInt8] {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let end = buffer.firstIndex(of: 0) {
                let message = Array(buffer[..<end])
                buffer.removeSubrange(...end)
                return message
            }
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { throw PrintError("Chromium did not answer within \(Int(timeout)) s") }
            var poller = pollfd(fd: fromBrowser, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(min(left * 1000, 1_000)))
            if ready < 0 && errno != EINTR { throw PrintError("Chromium: \(String(cString: strerror(errno)))") }
            guard ready > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let count = read(fromBrowser, &chunk, chunk.count)
            if count < 0 { if errno == EINTR { continue }; throw PrintError("Chromium: \(String(cString: strerror(errno)))") }
            if count == 0 { throw PrintError("Chromium ended unexpectedly") }
            buffer.append(contentsOf: chunk[..<count])
        }
    }
}
