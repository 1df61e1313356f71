import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.slot_list import SlotList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    matter_code: str,
    from_: datetime.date,
    to: datetime.date,
    hall_id: None | Unset | UUID = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["matter_code"] = matter_code

    json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to = to.isoformat()
    params["to"] = json_to

    json_hall_id: None | str | Unset
    if isinstance(hall_id, Unset):
        json_hall_id = UNSET
    elif isinstance(hall_id, UUID):
        json_hall_id = str(hall_id)
    else:
        json_hall_id = hall_id
    params["hall_id"] = json_hall_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/intake/appointments/slots",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | SlotList | None:
    if response.status_code == 200:
        response_200 = SlotList.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 502:
        response_502 = Problem.from_dict(response.json())

        return response_502

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if response.status_code == 504:
        response_504 = Problem.from_dict(response.json())

        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | SlotList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    matter_code: str,
    from_: datetime.date,
    to: datetime.date,
    hall_id: None | Unset | UUID = UNSET,
) -> Response[Problem | SlotList]:
    """Free slots of a matter's windows, at most 31 days (anyone logged in)

     办理该事项的各窗口在 `from`–`to`（含，最多 31 天，否则 422）内尚有余号的预约时段，按开始时间排序：大厅、窗口、
    开始与结束时间（北京时间）、是否延时办、容量与余号。按窗口每周时段与工作日历计算（节假日无号），已开始的不列出。

    Args:
        matter_code (str): Approval's matter code
        from_ (datetime.date): First day, YYYY-MM-DD (China Standard Time)
        to (datetime.date): Last day, included; at most 30 days after `from`
        hall_id (None | Unset | UUID): Only this hall's windows

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SlotList]
    """

    kwargs = _get_kwargs(
        matter_code=matter_code,
        from_=from_,
        to=to,
        hall_id=hall_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    matter_code: str,
    from_: datetime.date,
    to: datetime.date,
    hall_id: None | Unset | UUID = UNSET,
) -> Problem | SlotList | None:
    """Free slots of a matter's windows, at most 31 days (anyone logged in)

     办理该事项的各窗口在 `from`–`to`（含，最多 31 天，否则 422）内尚有余号的预约时段，按开始时间排序：大厅、窗口、
    开始与结束时间（北京时间）、是否延时办、容量与余号。按窗口每周时段与工作日历计算（节假日无号），已开始的不列出。

    Args:
        matter_code (str): Approval's matter code
        from_ (datetime.date): First day, YYYY-MM-DD (China Standard Time)
        to (datetime.date): Last day, included; at most 30 days after `from`
        hall_id (None | Unset | UUID): Only this hall's windows

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SlotList
    """

    return sync_detailed(
        client=client,
        matter_code=matter_code,
        from_=from_,
        to=to,
        hall_id=hall_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    matter_code: str,
    from_: datetime.date,
    to: datetime.date,
    hall_id: None | Unset | UUID = UNSET,
) -> Response[Problem | SlotList]:
    """Free slots of a matter's windows, at most 31 days (anyone logged in)

     办理该事项的各窗口在 `from`–`to`（含，最多 31 天，否则 422）内尚有余号的预约时段，按开始时间排序：大厅、窗口、
    开始与结束时间（北京时间）、是否延时办、容量与余号。按窗口每周时段与工作日历计算（节假日无号），已开始的不列出。

    Args:
        matter_code (str): Approval's matter code
        from_ (datetime.date): First day, YYYY-MM-DD (China Standard Time)
        to (datetime.date): Last day, included; at most 30 days after `from`
        hall_id (None | Unset | UUID): Only this hall's windows

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SlotList]
    """

    kwargs = _get_kwargs(
        matter_code=matter_code,
        from_=from_,
        to=to,
        hall_id=hall_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    matter_code: str,
    from_: datetime.date,
    to: datetime.date,
    hall_id: None | Unset | UUID = UNSET,
) -> Problem | SlotList | None:
    """Free slots of a matter's windows, at most 31 days (anyone logged in)

     办理该事项的各窗口在 `from`–`to`（含，最多 31 天，否则 422）内尚有余号的预约时段，按开始时间排序：大厅、窗口、
    开始与结束时间（北京时间）、是否延时办、容量与余号。按窗口每周时段与工作日历计算（节假日无号），已开始的不列出。

    Args:
        matter_code (str): Approval's matter code
        from_ (datetime.date): First day, YYYY-MM-DD (China Standard Time)
        to (datetime.date): Last day, included; at most 30 days after `from`
        hall_id (None | Unset | UUID): Only this hall's windows

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SlotList
    """

    return (
        await asyncio_detailed(
            client=client,
            matter_code=matter_code,
            from_=from_,
            to=to,
            hall_id=hall_id,
        )
    ).parsed
