import Files
import Foundation
import Templating

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
/// normally or by Ctrl-C, `kill` or a closed standard output (see
/// `Interruption`), kills every process of the browser's and then removes
/// the folder. After `kill -9` the browser sees its pipe close and exits;
/// only its temporary folder can stay behind.
package final class Chromium: PDFPrinter, @unchecked Sendable {
    /// The Debian package that provides the browser.
    package static let package = "chromium"

    /// The browser to use: `$ATTUNE_CHROMIUM` if set, else `chromium` (or
    /// `chromium-browser`, `google-chrome`) on the `PATH`; nil when none is.
    package static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
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
    package static let missingMessage = "PDF output needs Chromium, which is not installed: install the Debian package 'chromium' (apt-get install chromium), or set ATTUNE_CHROMIUM to a Chromium binary. Nothing was written."

    package let executable: String
    /// How long one reply may take before the browser is given up on.
    package var timeout: TimeInterval = 120
    /// Held for a whole print: one page at a time in the one tab.
    private let lock = NSLock()
    private var browser: Browser?
    /// Guards `ended` and `running`, never held while waiting on the browser,
    /// so an interruption can stop a browser in the middle of a print.
    private let state = NSLock()
    private var ended = false
    private var running: Browser?
    private var interruptToken: Int?

    package init(executable: String) {
        self.executable = executable
        interruptToken = Interruption.shared.atInterrupt { [weak self] in self?.end() }
    }

    deinit {
        close()
        if let interruptToken { Interruption.shared.removeAtInterrupt(interruptToken) }
    }

    package func print(_ jobs: [PrintJob]) throws(PrintError) -> [Data] {
        lock.lock()
        defer { lock.unlock() }
        do {
            if browser == nil {
                guard !state.withLock({ ended }) else { throw PrintError("Chromium: the run has ended") }
                let started = try Browser(executable: executable, timeout: timeout)
                // An interruption while the browser started must not leave it running.
                let stillOpen = state.withLock { () -> Bool in
                    if !ended { running = started }
                    return !ended
                }
                guard stillOpen else { started.stop(); throw PrintError("Chromium: the run has ended") }
                browser = started
            }
            var out: [Data] = []
            for job in jobs { out.append(try browser!.print(job)) }
            return out
        } catch let error as PrintError {
            stopBrowser()
            throw error
        } catch {
            stopBrowser()
            throw PrintError("Chromium: \(error)")
        }
    }

    private func stopBrowser() {
        browser?.stop()
        browser = nil
        state.withLock { running = nil }
    }

    /// Ends the browser and removes its profile. Also done on deinit.
    package func close() {
        lock.lock()
        defer { lock.unlock() }
        // No print is under way (the lock): the browser may be asked to close.
        let current = state.withLock { () -> Browser? in
            ended = true
            return running
        }
        current?.stop(politely: true)
        stopBrowser()
    }

    /// No browser starts from now on, and the one running is stopped (its
    /// processes killed, its profile removed) even in the middle of a print:
    /// what an interruption does. A print under way then fails, and no other
    /// browser takes its place, so none outlives the run.
    private func end() {
        let current = state.withLock { () -> Browser? in
            ended = true
            return running
        }
        current?.stop()
    }
}

/// One running browser and its tab.
final class Browser: @unchecked Sendable {
    let pid: pid_t
    let profile: String
    private let toBrowser: Int32
    private let fromBrowser: Int32
    private var timeout: TimeInterval
    private var buffer: [UInt8] = []
    private var nextID = 0
    private var session = ""
    private var frame = ""
    private var stopped = false
    private let stopLock = NSLock()
    private var interruptToken: Int?

    init(executable: String, timeout: TimeInterval) throws {
        self.timeout = timeout
        var template = Array(((NSTemporaryDirectory() as NSString).appendingPathComponent("attune-chromium-XXXXXX")).utf8CString)
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
        // Its own process group, so stopping it reaches every process it
        // started (zygotes, renderers, the GPU and network processes), not
        // only the first: killing that alone left the rest running for a
        // while, still writing into the profile as it was being removed.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        // Chromium's crash handler keeps its reports under
        // $XDG_CONFIG_HOME/chromium: pointed into the profile, nothing is
        // written to the user's own folders and it all goes with the profile.
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CONFIG_HOME"] = profile + "/config"
        environment["XDG_CACHE_HOME"] = profile + "/cache"
        var envp: [UnsafeMutablePointer<CChar>?] = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in envp { free(pointer) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, &attributes, &argv, &envp)
        close(toPipe[0])
        close(fromPipe[1])
        guard status == 0 else {
            close(toPipe[1]); close(fromPipe[0])
            try? FileManager.default.removeItem(atPath: profile)
            throw PrintError("Chromium: cannot start \(executable): \(String(cString: strerror(status)))")
        }
        pid = child
        toBrowser = toPipe[1]
        fromBrowser = fromPipe[0]
        // Through `stop`, whose lock makes an interruption wait for a stop
        // already under way (a print failing as the browser is killed)
        // rather than end the process halfway through removing the profile.
        interruptToken = Interruption.shared.atInterrupt { [weak self] in self?.stop() }
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
            "generateTaggedPDF": job.tagged,
            "generateDocumentOutline": job.tagged,
        ].merging(job.runningHead.map { head in
            ["displayHeaderFooter": true, "headerTemplate": Self.header(head), "footerTemplate": Self.footer] as [String: Any]
        } ?? ["displayHeaderFooter": false]) { $1 }, session: session)
        guard let base64 = result["data"] as? String, let pdf = Data(base64Encoded: base64) else {
            throw PrintError("Chromium: printing gave no PDF")
        }
        return PDFDates.fixed(pdf)
    }

    /// The running head: text only, every character escaped (`HTMLText`,
    /// the one HTML escaper: Chromium reads the head as an HTML template).
    static func header(_ text: String) -> String {
        #"<div style="font: 8pt sans-serif; color: #555555; width: 100%; margin: 0 14mm;">"# + HTMLText.escape(text) + "</div>"
    }

    static let footer = #"<div style="font: 8pt sans-serif; color: #555555; width: 100%; margin: 0 14mm; text-align: right;">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>"#

    /// `politely`: first asks the browser to close (`Browser.close`) and
    /// gives it two seconds, so it ends its own processes and waits for
    /// them, leaving none to linger as zombies for the system to collect.
    /// Only when nothing else is talking to the browser: at the end of a
    /// run, never from an interruption, which may come mid-print.
    func stop(politely: Bool = false) {
        stopLock.lock()
        defer { stopLock.unlock() }
        guard !stopped else { return }
        stopped = true
        if let interruptToken { Interruption.shared.removeAtInterrupt(interruptToken) }
        if politely {
            timeout = 2
            if (try? call("Browser.close", [:])) != nil {
                let deadline = Date().addingTimeInterval(2)
                var status: Int32 = 0
                while Date() < deadline, waitpid(pid, &status, WNOHANG) == 0 { usleep(10_000) }
            }
        }
        close(toBrowser)
        close(fromBrowser)
        Self.end(pid: pid, profile: profile)
    }

    /// Kills the browser's process group, waits until none of its processes
    /// (nor its crash handler, which leaves the group) is left running, then
    /// removes the profile: only then can nothing write into it again.
    /// Used both at the end of a run and by an interruption.
    static func end(pid: pid_t, profile: String) {
        kill(-pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let deadline = Date().addingTimeInterval(10)
        var left = processes(group: pid, mentioning: profile)
        while !left.isEmpty, Date() < deadline {
            for process in left { kill(process, SIGKILL) }
            usleep(10_000)
            left = processes(group: pid, mentioning: profile)
        }
        let removal = Date().addingTimeInterval(5)
        repeat {
            try? FileManager.default.removeItem(atPath: profile)
            if access(profile, F_OK) != 0 { break }
            usleep(20_000)
        } while Date() < removal
    }

    /// The live (not zombie) processes in process group `group`, or whose
    /// command line names `path` (the crash handler, in a session of its own).
    static func processes(group: pid_t, mentioning path: String) -> [pid_t] {
        #if os(Linux)
        let needle = Array(path.utf8)
        var found: [pid_t] = []
        for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let process = pid_t(name), process != getpid(),
                  let stat = FileManager.default.contents(atPath: "/proc/\(name)/stat").map({ [UInt8]($0) }) else { continue }
            // pid (comm) state ppid pgrp ...: comm may hold spaces, so read after its last ')'.
            guard let close = stat.lastIndex(of: UInt8(ascii: ")")) else { continue }
            let fields = stat[(close + 1)...].split(separator: UInt8(ascii: " "))
            guard fields.count > 3, fields[0].first != UInt8(ascii: "Z"), fields[0].first != UInt8(ascii: "X") else { continue }
            if pid_t(String(decoding: fields[2], as: UTF8.self)) == group {
                found.append(process)
                continue
            }
            if let line = FileManager.default.contents(atPath: "/proc/\(name)/cmdline"), PDFDates.find(needle, in: [UInt8](line), from: 0) != nil {
                found.append(process)
            }
        }
        return found
        #else
        return kill(-group, 0) == 0 ? [-group] : []
        #endif
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
