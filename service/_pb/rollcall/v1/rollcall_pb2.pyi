from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class MatchNameRequest(_message.Message):
    __slots__ = ("name", "language", "date", "country", "role", "limit", "client_id")
    NAME_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    DATE_FIELD_NUMBER: _ClassVar[int]
    COUNTRY_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    name: str
    language: str
    date: str
    country: str
    role: str
    limit: int
    client_id: str
    def __init__(self, name: _Optional[str] = ..., language: _Optional[str] = ..., date: _Optional[str] = ..., country: _Optional[str] = ..., role: _Optional[str] = ..., limit: _Optional[int] = ..., client_id: _Optional[str] = ...) -> None: ...

class Office(_message.Message):
    __slots__ = ("post_id", "post", "organization", "country", "start_date", "end_date", "acting", "role_type")
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    POST_FIELD_NUMBER: _ClassVar[int]
    ORGANIZATION_FIELD_NUMBER: _ClassVar[int]
    COUNTRY_FIELD_NUMBER: _ClassVar[int]
    START_DATE_FIELD_NUMBER: _ClassVar[int]
    END_DATE_FIELD_NUMBER: _ClassVar[int]
    ACTING_FIELD_NUMBER: _ClassVar[int]
    ROLE_TYPE_FIELD_NUMBER: _ClassVar[int]
    post_id: str
    post: str
    organization: str
    country: str
    start_date: str
    end_date: str
    acting: bool
    role_type: str
    def __init__(self, post_id: _Optional[str] = ..., post: _Optional[str] = ..., organization: _Optional[str] = ..., country: _Optional[str] = ..., start_date: _Optional[str] = ..., end_date: _Optional[str] = ..., acting: _Optional[bool] = ..., role_type: _Optional[str] = ...) -> None: ...

class Candidate(_message.Message):
    __slots__ = ("id", "name", "confidence", "matched_alias", "matched_alias_language", "offices", "explanation", "wikidata")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    MATCHED_ALIAS_FIELD_NUMBER: _ClassVar[int]
    MATCHED_ALIAS_LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    OFFICES_FIELD_NUMBER: _ClassVar[int]
    EXPLANATION_FIELD_NUMBER: _ClassVar[int]
    WIKIDATA_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    confidence: float
    matched_alias: str
    matched_alias_language: str
    offices: _containers.RepeatedCompositeFieldContainer[Office]
    explanation: str
    wikidata: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., confidence: _Optional[float] = ..., matched_alias: _Optional[str] = ..., matched_alias_language: _Optional[str] = ..., offices: _Optional[_Iterable[_Union[Office, _Mapping]]] = ..., explanation: _Optional[str] = ..., wikidata: _Optional[str] = ...) -> None: ...

class Algorithm(_message.Message):
    __slots__ = ("name", "version")
    NAME_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    name: str
    version: str
    def __init__(self, name: _Optional[str] = ..., version: _Optional[str] = ...) -> None: ...

class MatchNameResponse(_message.Message):
    __slots__ = ("candidates", "match", "algorithm", "error", "client_id", "error_code")
    CANDIDATES_FIELD_NUMBER: _ClassVar[int]
    MATCH_FIELD_NUMBER: _ClassVar[int]
    ALGORITHM_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    ERROR_CODE_FIELD_NUMBER: _ClassVar[int]
    candidates: _containers.RepeatedCompositeFieldContainer[Candidate]
    match: bool
    algorithm: Algorithm
    error: str
    client_id: str
    error_code: str
    def __init__(self, candidates: _Optional[_Iterable[_Union[Candidate, _Mapping]]] = ..., match: _Optional[bool] = ..., algorithm: _Optional[_Union[Algorithm, _Mapping]] = ..., error: _Optional[str] = ..., client_id: _Optional[str] = ..., error_code: _Optional[str] = ...) -> None: ...

class MatchNamesRequest(_message.Message):
    __slots__ = ("requests",)
    REQUESTS_FIELD_NUMBER: _ClassVar[int]
    requests: _containers.RepeatedCompositeFieldContainer[MatchNameRequest]
    def __init__(self, requests: _Optional[_Iterable[_Union[MatchNameRequest, _Mapping]]] = ...) -> None: ...

class MatchNamesResponse(_message.Message):
    __slots__ = ("responses", "error", "error_code")
    RESPONSES_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    ERROR_CODE_FIELD_NUMBER: _ClassVar[int]
    responses: _containers.RepeatedCompositeFieldContainer[MatchNameResponse]
    error: str
    error_code: str
    def __init__(self, responses: _Optional[_Iterable[_Union[MatchNameResponse, _Mapping]]] = ..., error: _Optional[str] = ..., error_code: _Optional[str] = ...) -> None: ...

class GetEntityRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class Name(_message.Message):
    __slots__ = ("name", "language", "script", "kind")
    NAME_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    SCRIPT_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    name: str
    language: str
    script: str
    kind: str
    def __init__(self, name: _Optional[str] = ..., language: _Optional[str] = ..., script: _Optional[str] = ..., kind: _Optional[str] = ...) -> None: ...

class Entity(_message.Message):
    __slots__ = ("id", "name", "wikidata", "country", "gender", "birth_date", "names", "offices")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    WIKIDATA_FIELD_NUMBER: _ClassVar[int]
    COUNTRY_FIELD_NUMBER: _ClassVar[int]
    GENDER_FIELD_NUMBER: _ClassVar[int]
    BIRTH_DATE_FIELD_NUMBER: _ClassVar[int]
    NAMES_FIELD_NUMBER: _ClassVar[int]
    OFFICES_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    wikidata: str
    country: str
    gender: str
    birth_date: str
    names: _containers.RepeatedCompositeFieldContainer[Name]
    offices: _containers.RepeatedCompositeFieldContainer[Office]
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., wikidata: _Optional[str] = ..., country: _Optional[str] = ..., gender: _Optional[str] = ..., birth_date: _Optional[str] = ..., names: _Optional[_Iterable[_Union[Name, _Mapping]]] = ..., offices: _Optional[_Iterable[_Union[Office, _Mapping]]] = ...) -> None: ...

class ReconcileDocumentRequest(_message.Message):
    __slots__ = ("text", "language", "date", "client_id")
    TEXT_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    DATE_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    text: str
    language: str
    date: str
    client_id: str
    def __init__(self, text: _Optional[str] = ..., language: _Optional[str] = ..., date: _Optional[str] = ..., client_id: _Optional[str] = ...) -> None: ...

class TextSpan(_message.Message):
    __slots__ = ("start", "end", "text")
    START_FIELD_NUMBER: _ClassVar[int]
    END_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    start: int
    end: int
    text: str
    def __init__(self, start: _Optional[int] = ..., end: _Optional[int] = ..., text: _Optional[str] = ...) -> None: ...

class DocumentOffice(_message.Message):
    __slots__ = ("post", "organization", "country", "start_date", "end_date", "post_id", "acting", "role_type")
    POST_FIELD_NUMBER: _ClassVar[int]
    ORGANIZATION_FIELD_NUMBER: _ClassVar[int]
    COUNTRY_FIELD_NUMBER: _ClassVar[int]
    START_DATE_FIELD_NUMBER: _ClassVar[int]
    END_DATE_FIELD_NUMBER: _ClassVar[int]
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    ACTING_FIELD_NUMBER: _ClassVar[int]
    ROLE_TYPE_FIELD_NUMBER: _ClassVar[int]
    post: str
    organization: str
    country: str
    start_date: str
    end_date: str
    post_id: str
    acting: bool
    role_type: str
    def __init__(self, post: _Optional[str] = ..., organization: _Optional[str] = ..., country: _Optional[str] = ..., start_date: _Optional[str] = ..., end_date: _Optional[str] = ..., post_id: _Optional[str] = ..., acting: _Optional[bool] = ..., role_type: _Optional[str] = ...) -> None: ...

class DocumentPerson(_message.Message):
    __slots__ = ("id", "name", "wikidata", "confidence", "attending", "office", "mentions")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    WIKIDATA_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    ATTENDING_FIELD_NUMBER: _ClassVar[int]
    OFFICE_FIELD_NUMBER: _ClassVar[int]
    MENTIONS_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    wikidata: str
    confidence: float
    attending: bool
    office: DocumentOffice
    mentions: _containers.RepeatedCompositeFieldContainer[TextSpan]
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., wikidata: _Optional[str] = ..., confidence: _Optional[float] = ..., attending: _Optional[bool] = ..., office: _Optional[_Union[DocumentOffice, _Mapping]] = ..., mentions: _Optional[_Iterable[_Union[TextSpan, _Mapping]]] = ...) -> None: ...

class UnresolvedMention(_message.Message):
    __slots__ = ("start", "end", "text", "role", "country")
    START_FIELD_NUMBER: _ClassVar[int]
    END_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    COUNTRY_FIELD_NUMBER: _ClassVar[int]
    start: int
    end: int
    text: str
    role: str
    country: str
    def __init__(self, start: _Optional[int] = ..., end: _Optional[int] = ..., text: _Optional[str] = ..., role: _Optional[str] = ..., country: _Optional[str] = ...) -> None: ...

class ReconcileDocumentResponse(_message.Message):
    __slots__ = ("people", "unresolved", "algorithm", "client_id", "error", "error_code")
    PEOPLE_FIELD_NUMBER: _ClassVar[int]
    UNRESOLVED_FIELD_NUMBER: _ClassVar[int]
    ALGORITHM_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    ERROR_CODE_FIELD_NUMBER: _ClassVar[int]
    people: _containers.RepeatedCompositeFieldContainer[DocumentPerson]
    unresolved: _containers.RepeatedCompositeFieldContainer[UnresolvedMention]
    algorithm: Algorithm
    client_id: str
    error: str
    error_code: str
    def __init__(self, people: _Optional[_Iterable[_Union[DocumentPerson, _Mapping]]] = ..., unresolved: _Optional[_Iterable[_Union[UnresolvedMention, _Mapping]]] = ..., algorithm: _Optional[_Union[Algorithm, _Mapping]] = ..., client_id: _Optional[str] = ..., error: _Optional[str] = ..., error_code: _Optional[str] = ...) -> None: ...
