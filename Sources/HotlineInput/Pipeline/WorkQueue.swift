import Dispatch
import Synchronization

/// A first-in, first-out hand-off from the reader to the workers; a worker
/// blocks until there is work or the queue is closed.
///
/// Locked once per chunk (megabytes), never per row.
final class WorkQueue<Item: Sendable>: Sendable {
    private let state = Mutex<(items: [Item], head: Int)>(([], 0))
    private let available = DispatchSemaphore(value: 0)

    func push(_ item: Item) {
        state.withLock { $0.items.append(item) }
        available.signal()
    }

    /// Lets `workers` waiting or future `pop` calls return `nil` once the queue is empty.
    func close(workers: Int) {
        for _ in 0..<workers { available.signal() }
    }

    /// The next item, or `nil` once the queue is closed and drained.
    func pop() -> Item? {
        available.wait()
        return state.withLock { queue -> Item? in
            guard queue.head < queue.items.count else { return nil }
            let item = queue.items[queue.head]
            queue.head += 1
            if queue.head == queue.items.count {
                queue.items.removeAll(keepingCapacity: true)
                queue.head = 0
            }
            return item
        }
    }
}

/// The reader's supply of chunk buffers, with admission tickets that bound
/// the chunks in flight — parsed or waiting to be collected in order — so
/// memory stays constant whatever the input size.
final class BufferPool: Sendable {
    private let free: Mutex<[ChunkBuffer]>
    private let tickets: DispatchSemaphore
    private let capacity: Int

    init(buffers: Int, capacity: Int) {
        free = Mutex((0..<buffers).map { _ in ChunkBuffer(capacity: capacity) })
        tickets = DispatchSemaphore(value: buffers)
        self.capacity = capacity
    }

    /// Waits for a ticket, then takes a buffer. A ticket is returned only
    /// after its chunk was collected, and buffers go back before that, so a
    /// ticket holder always finds a buffer.
    func take() -> ChunkBuffer {
        tickets.wait()
        return free.withLock { $0.removeLast() }
    }

    /// Returns a buffer, shrunk back to the chunk size if a long line grew it.
    func giveBack(_ buffer: ChunkBuffer) {
        buffer.count = 0
        buffer.shrink(to: capacity)
        free.withLock { $0.append(buffer) }
    }

    /// A chunk has been collected, or the buffer was not used: another may enter.
    func returnTicket() {
        tickets.signal()
    }

    /// Frees the buffers once every chunk has been parsed and given back:
    /// the merge and the report then do not carry the chunk memory on top
    /// of every worker's tables (with two workers, the merge is the peak).
    func releaseBuffers() {
        free.withLock { $0 = [] }
    }
}
