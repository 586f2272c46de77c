/*
 * Linked only when the library is built without the C compiler's start
 * files (-nostartfiles, see the Makefile): they define __dso_handle, which
 * pthread_atfork (conn.c) passes to the C library to name this library,
 * and nothing else the library needs. Without them the library refers to
 * no weak symbol (_ITM_*, __gmon_start__, __cxa_finalize) that the
 * dynamic loader would look for, and fail to find, in every program
 * started with it. The constructor runs from .init_array, as before.
 */
__attribute__((visibility("hidden"))) void *__dso_handle = &__dso_handle;
