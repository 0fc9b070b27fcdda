import ExplainerKit
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Watches folders (recursively) and files with Linux inotify and reports bursts of changes.
///
/// A dedicated thread blocks in `poll` on the inotify descriptor, so a save is seen within
/// microseconds and an idle watcher costs nothing. Changes are coalesced: a batch is
/// reported once no new event has arrived for `debounce` (bursts of saves, editors' write-
/// then-rename, `git checkout` of many files become one batch), or after `maximumDelay`.
/// Folders created later are watched too. A queue overflow reports `"*"` (rebuild everything).
/// A root that may be missing (`awaiting`: the templates folder, without which the embedded
/// theme is used) is watched through its parent folder as well, so that it is noticed when it
/// is made (or made again), then watched like the others.
public final class Watcher: @unchecked Sendable {
    /// Batches of changed paths (as `folder/relative/name`), in order.
    public let changes: AsyncStream<Set<String>>

    private let continuation: AsyncStream<Set<String>>.Continuation
    private let fd: Int32
    private let wakeRead: Int32
    private let wakeWrite: Int32
    private let debounce: Duration
    private let maximumDelay: Duration
    private var folders: [Int32: String] = [:]
    /// The parent folders of the `awaiting` roots: watch → (name in it → the root's path).
    private var parents: [Int32: [String: String]] = [:]
    private var thread: Thread?

    static let folderEvents: UInt32 = 0x2 | 0x4 | 0x8 | 0x40 | 0x80 | 0x100 | 0x200 | 0x400 | 0x800
    // IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF
    static let isFolder: UInt32 = 0x4000_0000
    static let overflow: UInt32 = 0x4000
    static let ignored: UInt32 = 0x8000
    // IN_MOVED_FROM | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_ONLYDIR | IN_MASK_ADD (keeps a watch's other events)
    static let parentEvents: UInt32 = 0x40 | 0x80 | 0x100 | 0x200 | 0x0100_0000 | 0x2000_0000

    /// How long the watcher waits after the last event before reporting a batch.
    public static let defaultDebounce: Duration = .milliseconds(20)

    /// Starts watching `roots` (folders, watched recursively; each must exist) and `awaiting`
    /// (folders that may not exist yet: watched recursively once they do, and reported, as
    /// their own path, when they are made or removed). An awaited folder whose parent does not
    /// exist either is not watched.
    public init(
        roots: [String], awaiting: [String] = [], debounce: Duration = Watcher.defaultDebounce,
        maximumDelay: Duration = .milliseconds(500)
    ) throws(BuildFailure) {
        (changes, continuation) = AsyncStream<Set<String>>.makeStream()
        self.debounce = debounce
        self.maximumDelay = maximumDelay
        fd = inotify_init1(Int32(O_CLOEXEC | O_NONBLOCK))
        guard fd >= 0 else {
            throw BuildFailure(
                Diagnostic(
                    file: roots.first ?? ".",
                    message: "Could not watch for changes: inotify_init1 failed (\(String(cString: strerror(errno))))."))
        }
        var pipeFDs: [Int32] = [0, 0]
        guard pipe(&pipeFDs) == 0 else {
            close(fd)
            throw BuildFailure(Diagnostic(file: roots.first ?? ".", message: "Could not watch for changes: pipe failed."))
        }
        wakeRead = pipeFDs[0]
        wakeWrite = pipeFDs[1]
        for root in roots {
            let root = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
            if !addTree(root) {
                let code = errno
                stop()
                throw BuildFailure(
                    Diagnostic(
                        file: root, message: "Could not watch \(root) for changes: \(String(cString: strerror(code))).",
                        hint: code == ENOSPC ? "Raise fs.inotify.max_user_watches (sysctl)." : ""))
            }
        }
        for root in awaiting {
            let root = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
            let slash = root.lastIndex(of: "/")
            let parent = slash.map { $0 == root.startIndex ? "/" : String(root[..<$0]) } ?? "."
            let name = slash.map { String(root[root.index(after: $0)...]) } ?? root
            let wd = inotify_add_watch(fd, parent, Self.parentEvents)
            if wd >= 0 { parents[wd, default: [:]][name] = root }
            if FileSystem.isDirectory(root) { _ = addTree(root) }
        }
        let thread = Thread { [self] in self.loop() }
        thread.name = "explainer-watcher"
        self.thread = thread
        thread.start()
    }

    /// Stops watching and ends `changes`.
    public func stop() {
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
    }

    private func addTree(_ folder: String) -> Bool {
        let wd = inotify_add_watch(fd, folder, Self.folderEvents)
        guard wd >= 0 else { return false }
        folders[wd] = folder
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return true }
        for name in names where !name.hasPrefix(".") {
            let path = folder + "/" + name
            var st = stat()
            if lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR {
                _ = addTree(path)
            }
        }
        return true
    }

    private func loop() {
        var pending: Set<String> = []
        var firstAt: ContinuousClock.Instant?
        var lastAt = ContinuousClock.now
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let clock = ContinuousClock()
        defer {
            close(fd)
            close(wakeRead)
            close(wakeWrite)
            continuation.finish()
        }
        while true {
            var timeout: Int32 = -1
            if let first = firstAt {
                let due = min(lastAt + debounce, first + maximumDelay)
                let left = clock.now.duration(to: due)
                timeout = max(0, Int32(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000))
                if left > .zero && timeout == 0 { timeout = 1 }
            }
            var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0), pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 2, timeout)
            if ready < 0 && errno != EINTR { return }
            if fds[1].revents != 0 { return }
            if fds[0].revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    parse(buffer, count: count, into: &pending)
                    lastAt = clock.now
                    if firstAt == nil { firstAt = lastAt }
                }
                continue
            }
            if let first = firstAt, clock.now >= min(lastAt + debounce, first + maximumDelay) {
                if !pending.isEmpty { continuation.yield(pending) }
                pending = []
                firstAt = nil
            }
        }
    }

    private func parse(_ buffer: [UInt8], count: Int, into pending: inout Set<String>) {
        var offset = 0
        buffer.withUnsafeBytes { raw in
            while offset + 16 <= count {
                let wd = raw.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                let mask = raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                let length = Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                let nameBytes = raw[(offset + 16)..<min(count, offset + 16 + length)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                offset += 16 + length
                if mask & Self.overflow != 0 {
                    pending.insert("*")
                    continue
                }
                if let root = parents[wd]?[name] {
                    // An awaited root made (or moved in): watch it, with what it already holds.
                    if mask & Self.isFolder != 0 && mask & (0x100 | 0x80) != 0 {
                        _ = addTree(root)
                        for file in FileSystem.listFiles(root) { pending.insert(root + "/" + file) }
                    }
                    pending.insert(root)
                }
                if mask & Self.ignored != 0 { parents[wd] = nil }
                guard let folder = folders[wd] else { continue }
                if mask & Self.ignored != 0 {
                    folders[wd] = nil
                    continue
                }
                let path = name.isEmpty ? folder : folder + "/" + name
                pending.insert(path)
                if mask & Self.isFolder != 0 && mask & (0x100 | 0x80) != 0 && !name.hasPrefix(".") {
                    _ = addTree(path)
                    // Files may have landed in the new folder before it was watched.
                    for file in FileSystem.listFiles(path) { pending.insert(path + "/" + file) }
                }
            }
        }
    }
}
