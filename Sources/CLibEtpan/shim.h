#ifndef INGESTD_CLIBETPAN_SHIM_H
#define INGESTD_CLIBETPAN_SHIM_H
#include <errno.h>
#include <sys/socket.h>
#include <libetpan/libetpan.h>

/* clist's iteration helpers are macros, which Swift cannot import. */
static inline clistiter *ingestd_clist_begin(clist *list) { return clist_begin(list); }
static inline clistiter *ingestd_clist_next(clistiter *iter) { return clist_next(iter); }
static inline void *ingestd_clist_content(clistiter *iter) { return clist_content(iter); }
static inline int ingestd_clist_count(clist *list) { return clist_count(list); }

/* carray accessors may be macros too (certificate chains come back as a carray of MMAPString). */
static inline unsigned int ingestd_carray_count(carray *array) { return carray_count(array); }
static inline void *ingestd_carray_get(carray *array, unsigned int index) { return carray_get(array, index); }

/*
 * libetpan 1.9.4 loops forever when the peer closes the connection in the middle of a literal (a cut during
 * FETCH BODY[]): the literal reader treats a 0-byte read as progress. This pass-through low-level driver turns
 * end of stream into an error (-1) so the command fails with MAILIMAP_ERROR_STREAM. Every other call goes to the
 * wrapped stream; freeing the wrapper frees the wrapped stream (which does not close the socket, as libetpan's
 * STARTTLS relies on).
 */
static ssize_t ingestd_eof_read(mailstream_low *s, void *buf, size_t count) {
    mailstream_low *inner = (mailstream_low *)s->data;
    if (count > 0 && inner->driver == mailstream_socket_driver) {
        /* A plain socket's driver waits in select() before every recv(), even while a FETCH's bytes are already
           queued (a syscall per 8 KB read). Take what is queued first; only an empty socket goes through the
           driver's wait, with its timeout and cancellation. */
        ssize_t r = recv(mailstream_low_get_fd(inner), buf, count, MSG_DONTWAIT);
        if (r > 0) return r;
        if (r == 0) return -1;
        if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) return -1;
    }
    ssize_t r = mailstream_low_read(inner, buf, count);
    return (r == 0 && count > 0) ? -1 : r;
}
static ssize_t ingestd_eof_write(mailstream_low *s, const void *buf, size_t count) {
    return mailstream_low_write((mailstream_low *)s->data, buf, count);
}
static int ingestd_eof_close(mailstream_low *s) { return mailstream_low_close((mailstream_low *)s->data); }
static int ingestd_eof_get_fd(mailstream_low *s) { return mailstream_low_get_fd((mailstream_low *)s->data); }
static void ingestd_eof_free(mailstream_low *s) {
    mailstream_low_free((mailstream_low *)s->data);
    free(s);
}
static void ingestd_eof_cancel(mailstream_low *s) { mailstream_low_cancel((mailstream_low *)s->data); }
static struct mailstream_cancel *ingestd_eof_get_cancel(mailstream_low *s) {
    return mailstream_low_get_cancel((mailstream_low *)s->data);
}
static carray *ingestd_eof_certificate_chain(mailstream_low *s) {
    return mailstream_low_get_certificate_chain((mailstream_low *)s->data);
}
static int ingestd_eof_setup_idle(mailstream_low *s) { return mailstream_low_setup_idle((mailstream_low *)s->data); }
static int ingestd_eof_unsetup_idle(mailstream_low *s) {
    return mailstream_low_unsetup_idle((mailstream_low *)s->data);
}
static int ingestd_eof_interrupt_idle(mailstream_low *s) {
    return mailstream_low_interrupt_idle((mailstream_low *)s->data);
}
static mailstream_low_driver ingestd_eof_driver = {
    ingestd_eof_read, ingestd_eof_write, ingestd_eof_close, ingestd_eof_get_fd, ingestd_eof_free,
    ingestd_eof_cancel, ingestd_eof_get_cancel, ingestd_eof_certificate_chain,
    ingestd_eof_setup_idle, ingestd_eof_unsetup_idle, ingestd_eof_interrupt_idle,
};

/* Wraps the stream's current low-level driver (once per connection stage: after connect, after STARTTLS). */
static inline int ingestd_wrap_eof_as_error(mailstream *stream) {
    mailstream_low *inner = mailstream_get_low(stream);
    if (inner == NULL || inner->driver == &ingestd_eof_driver) return 0;
    mailstream_low *outer = mailstream_low_new(inner, &ingestd_eof_driver);
    if (outer == NULL) return -1;
    mailstream_low_set_timeout(outer, mailstream_low_get_timeout(inner));
    mailstream_set_low(stream, outer);
    return 0;
}

#endif
