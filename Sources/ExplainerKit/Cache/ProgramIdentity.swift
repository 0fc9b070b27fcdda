#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which build of the program is running, for the disk build cache: what an earlier program
/// made may not be what this one makes, so its records are not reused. The executable's path,
/// inode, size and modification time (`/proc/self/exe`): a new build of Explainer, even of the
/// same version, is another program. Where it cannot be told, a fresh value per process, so
/// that nothing is ever reused rather than something wrongly.
enum ProgramIdentity {
    static let current: String = {
        var info = stat()
        if let path = FileSystem.realPath("/proc/self/exe"), stat(path, &info) == 0 {
            return "\(path) \(info.st_dev):\(info.st_ino) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
        }
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return "unknown \(getpid()) \(now.tv_sec).\(now.tv_nsec)"
    }()
}
