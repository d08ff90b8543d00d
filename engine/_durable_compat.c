/*
 * Restores PyEval_CallObject for durable_rules 2.0.28 on Python 3.13+.
 *
 * durable_rules' C extension (durable_rules_engine) calls PyEval_CallObject, a function Python
 * 3.13 removed from its C API, so the extension fails to load there ("undefined symbol:
 * PyEval_CallObject"). This library defines that one symbol as the exact equivalent it always
 * was, PyObject_CallObject(callable, args). clearance.engine.durable_loader loads it into the
 * process's global symbol scope (RTLD_GLOBAL) before durable_rules is imported, which lets the
 * dynamic linker resolve the reference. On Python 3.11 and 3.12 it is never loaded.
 *
 * Built against the stable ABI (Py_LIMITED_API 3.11, see pyproject.toml), so one abi3 wheel
 * serves 3.11 to 3.13. It is also an importable (empty) module, which setuptools requires of an
 * extension; its function `call_object` calls the restored PyEval_CallObject, for the tests.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* 3.11 and 3.12 still define PyEval_CallObject as a macro; this file defines the function. */
#undef PyEval_CallObject

#if defined(__GNUC__)
#define DURABLE_COMPAT_EXPORT __attribute__((visibility("default")))
#else
#define DURABLE_COMPAT_EXPORT
#endif

DURABLE_COMPAT_EXPORT PyObject *PyEval_CallObject(PyObject *callable, PyObject *args);

PyObject *PyEval_CallObject(PyObject *callable, PyObject *args)
{
    /* The removed function was PyEval_CallObjectWithKeywords(callable, args, NULL): NULL args
     * means no arguments, a non-tuple raises TypeError. PyObject_CallObject does the same. */
    return PyObject_CallObject(callable, args);
}

static PyObject *call_object(PyObject *self, PyObject *args)
{
    PyObject *callable;
    PyObject *arguments = NULL;
    (void)self;
    if (!PyArg_ParseTuple(args, "O|O:call_object", &callable, &arguments)) {
        return NULL;
    }
    return PyEval_CallObject(callable, arguments == Py_None ? NULL : arguments);
}

static PyMethodDef methods[] = {
    {"call_object", call_object, METH_VARARGS,
     "call_object(callable, args=None): PyEval_CallObject(callable, args), as durable_rules "
     "calls it."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT,
    "_durable_compat",
    "PyEval_CallObject for durable_rules on Python 3.13+ (see clearance.engine.durable_loader).",
    0,
    methods,
    NULL,
    NULL,
    NULL,
    NULL,
};

PyMODINIT_FUNC PyInit__durable_compat(void)
{
    return PyModuleDef_Init(&module);
}
