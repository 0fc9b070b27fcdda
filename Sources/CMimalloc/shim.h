// mimalloc (Debian's libmimalloc-dev). Linking it into the `explainer` executable makes it the
// allocator of the whole process: its malloc/free come before glibc's in symbol lookup.
#include <mimalloc.h>
