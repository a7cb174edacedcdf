"""No stack trace reaches the page: callbacks are wrapped, failures become words.

Errors meant for the user (``UserError``, the calculators' ``InputError``) keep their message;
anything else is logged by type and frames only (never the exception's message, which may hold
what the customer typed) and the user is told what to do.
"""

from __future__ import annotations

import functools
import inspect
import logging
import traceback
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from calculators.calendar import CalendarRangeError
from calculators.engine import InputError
from index.errors import UserError

log = logging.getLogger(__name__)

USER_ERRORS: tuple[type[Exception], ...] = (UserError, InputError, CalendarRangeError)
INTERNAL_ERROR = ("抱歉，处理时出现了内部错误（已记录，不含您输入的内容）。请稍后重试或换个问法；"
                  "若仍出错，请联系管理员。")

F = TypeVar("F", bound=Callable[..., Any])


def log_failure(where: str, exc: BaseException) -> None:
    """Log an unexpected failure: its type and where it happened, not its message."""
    frames = "".join(traceback.format_tb(exc.__traceback__))
    log.error("%s failed with %s\n%s", where, type(exc).__name__, frames)


def keep(count: int) -> Callable[..., tuple[Any, ...]]:
    """An ``on_error`` for callbacks that only update choices: leave the outputs as they are."""
    import gradio as gr

    return lambda words, *args: tuple(gr.skip() for _ in range(count))


def guarded(on_error: Callable[..., Any]) -> Callable[[F], F]:
    """Wrap a callback (plain or generator): a raised error becomes its outputs
    ``on_error(words, *args)``, ``args`` being the callback's own inputs.

    ``words`` is the user error's own message, or ``INTERNAL_ERROR``.
    """

    def decorate(fn: F) -> F:
        if inspect.isgeneratorfunction(fn):
            @functools.wraps(fn)
            def stream(*args: Any, **kwargs: Any) -> Iterator[Any]:
                try:
                    yield from fn(*args, **kwargs)
                except USER_ERRORS as exc:
                    yield on_error(str(exc), *args)
                except Exception as exc:  # the page gets words, the log gets the frames
                    log_failure(fn.__qualname__, exc)
                    yield on_error(INTERNAL_ERROR, *args)
            return stream  # type: ignore[return-value]

        @functools.wraps(fn)
        def call(*args: Any, **kwargs: Any) -> Any:
            try:
                return fn(*args, **kwargs)
            except USER_ERRORS as exc:
                return on_error(str(exc), *args)
            except Exception as exc:
                log_failure(fn.__qualname__, exc)
                return on_error(INTERNAL_ERROR, *args)
        return call  # type: ignore[return-value]

    return decorate
