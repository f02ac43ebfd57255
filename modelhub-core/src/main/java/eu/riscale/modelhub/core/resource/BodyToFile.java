package eu.riscale.modelhub.core.resource;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Receives one http response for {@link DownloadCache}: a success body is streamed into a file while it is hashed and
 * counted (stopping past the size limit); other bodies are not read at all. Records the time of the last progress so
 * the caller can give up on a server that stops sending.
 */
final class BodyToFile implements HttpResponse.BodyHandler<BodyToFile.Result> {
    /**
     * What one exchange gave: the status, and for a success the size and sha256 of the body written to the file, the
     * length the server declared (-1 when none) and whether the body's end was only marked by the connection closing
     * (no length, not chunked), so that a cut connection cannot be told from the end.
     */
    record Result(
            int status,
            @Nullable String location,
            long size,
            Sha256 sha256,
            long declaredLength,
            boolean closeDelimited) {}

    /** The body exceeds the limit; carried through the response future, turned into a {@link DownloadException}. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(String message) {
            super(message);
        }
    }

    private static final Sha256 EMPTY = Sha256.of(new byte[0]);

    private final Path file;
    private final long maxBytes;
    private final AtomicLong lastProgress = new AtomicLong(System.nanoTime());
    private final AtomicLong received = new AtomicLong();
    private final AtomicReference<Flow.@Nullable Subscription> subscription = new AtomicReference<>();

    BodyToFile(Path file, long maxBytes) {
        this.file = file;
        this.maxBytes = maxBytes;
    }

    private volatile boolean responded;

    /** {@return whether the response headers have arrived} */
    boolean responded() {
        return responded;
    }

    long lastProgressNanos() {
        return lastProgress.get();
    }

    /** {@return how many body bytes have arrived so far} */
    long received() {
        return received.get();
    }

    void cancel() {
        Flow.Subscription s = subscription.getAndSet(null);
        if (s != null) {
            s.cancel();
        }
    }

    @Override
    public HttpResponse.BodySubscriber<Result> apply(HttpResponse.ResponseInfo info) {
        lastProgress.set(System.nanoTime());
        responded = true;
        int status = info.statusCode();
        if (status / 100 != 2) {
            String location = info.headers().firstValue("Location").orElse(null);
            return new Discard(new Result(status, location, 0, EMPTY, -1, false));
        }
        long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (declared > maxBytes) {
            return new Refuse(new TooLarge("the server declares " + declared + " bytes"));
        }
        boolean chunked = info.headers().allValues("Transfer-Encoding").stream()
                .anyMatch(v -> v.toLowerCase(java.util.Locale.ROOT).contains("chunked"));
        return new ToFile(status, declared, declared < 0 && !chunked);
    }

    /** Cancels at once and completes with a fixed result: the body of a redirect or error is never read. */
    private final class Discard implements HttpResponse.BodySubscriber<Result> {
        private final CompletableFuture<Result> done = new CompletableFuture<>();
        private final Result result;

        Discard(Result result) {
            this.result = result;
        }

        @Override
        public CompletionStage<Result> getBody() {
            return done;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            s.cancel();
            done.complete(result);
        }

        @Override
        public void onNext(List<ByteBuffer> item) {}

        @Override
        public void onError(Throwable throwable) {
            done.complete(result);
        }

        @Override
        public void onComplete() {
            done.complete(result);
        }
    }

    /** Cancels at once and fails with a given exception. */
    private static final class Refuse implements HttpResponse.BodySubscriber<Result> {
        private final CompletableFuture<Result> done = new CompletableFuture<>();

        Refuse(IOException failure) {
            done.completeExceptionally(failure);
        }

        @Override
        public CompletionStage<Result> getBody() {
            return done;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            s.cancel();
        }

        @Override
        public void onNext(List<ByteBuffer> item) {}

        @Override
        public void onError(Throwable throwable) {}

        @Override
        public void onComplete() {}
    }

    /** Writes, hashes and counts the body, one batch of buffers per request. */
    private final class ToFile implements HttpResponse.BodySubscriber<Result> {
        private final CompletableFuture<Result> done = new CompletableFuture<>();
        private final MessageDigest digest = Sha256.newDigest();
        private final int status;
        private final long declared;
        private final boolean closeDelimited;
        private @Nullable FileChannel channel;
        private long size;

        ToFile(int status, long declared, boolean closeDelimited) {
            this.status = status;
            this.declared = declared;
            this.closeDelimited = closeDelimited;
        }

        @Override
        public CompletionStage<Result> getBody() {
            return done;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription.set(s);
            try {
                channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            } catch (IOException e) {
                s.cancel();
                done.completeExceptionally(e);
                return;
            }
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            lastProgress.set(System.nanoTime());
            try {
                for (ByteBuffer buffer : buffers) {
                    size += buffer.remaining();
                    received.set(size);
                    if (size > maxBytes) {
                        throw new TooLarge("the body exceeds " + maxBytes + " bytes");
                    }
                    digest.update(buffer.duplicate());
                    while (buffer.hasRemaining()) {
                        channel().write(buffer);
                    }
                }
            } catch (IOException e) {
                cancel();
                close();
                done.completeExceptionally(e);
                return;
            }
            Flow.Subscription s = subscription.get();
            if (s != null) {
                s.request(1);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            close();
            done.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            IOException failure = close();
            if (failure != null) {
                done.completeExceptionally(failure);
                return;
            }
            done.complete(new Result(status, null, size, Sha256.fromDigest(digest.digest()), declared, closeDelimited));
        }

        private FileChannel channel() {
            FileChannel c = channel;
            if (c == null) {
                throw new IllegalStateException("body received before subscription");
            }
            return c;
        }

        private @Nullable IOException close() {
            FileChannel c = channel;
            if (c != null) {
                try {
                    c.close();
                } catch (IOException e) {
                    return e;
                }
            }
            return null;
        }
    }
}
