"""Contains all the data models used in inputs/outputs"""

from .access_entry import AccessEntry
from .access_kind import AccessKind
from .access_page import AccessPage
from .account_create import AccountCreate
from .account_create_role import AccountCreateRole
from .account_read import AccountRead
from .account_update import AccountUpdate
from .account_update_role_type_0 import AccountUpdateRoleType0
from .actor_kind import ActorKind
from .add_vault_document_body import AddVaultDocumentBody
from .application_create import ApplicationCreate
from .application_material_read import ApplicationMaterialRead
from .application_materials import ApplicationMaterials
from .application_page import ApplicationPage
from .application_read import ApplicationRead
from .application_status import ApplicationStatus
from .appointment_create import AppointmentCreate
from .appointment_figures import AppointmentFigures
from .appointment_page import AppointmentPage
from .appointment_read import AppointmentRead
from .appointment_reschedule import AppointmentReschedule
from .appointment_stats import AppointmentStats
from .appointment_stats_by_hall import AppointmentStatsByHall
from .appointment_stats_by_matter import AppointmentStatsByMatter
from .appointment_status import AppointmentStatus
from .approval_department_week import ApprovalDepartmentWeek
from .approval_forecast import ApprovalForecast
from .approval_stats import ApprovalStats
from .approval_stats_by_department import ApprovalStatsByDepartment
from .approval_stats_by_matter import ApprovalStatsByMatter
from .approval_week import ApprovalWeek
from .approval_weekly import ApprovalWeekly
from .approval_weekly_by_department import ApprovalWeeklyByDepartment
from .attach_to_request_body import AttachToRequestBody
from .attach_to_request_body_part import AttachToRequestBodyPart
from .attachment_part import AttachmentPart
from .audit_entry import AuditEntry
from .audit_entry_after_type_0 import AuditEntryAfterType0
from .audit_entry_before_type_0 import AuditEntryBeforeType0
from .audit_page import AuditPage
from .bank_create import BankCreate
from .bank_figures import BankFigures
from .bank_page import BankPage
from .bank_read import BankRead
from .calendar_year_write import CalendarYearWrite
from .category import Category
from .chain import Chain
from .channel import Channel
from .client_create import ClientCreate
from .client_page import ClientPage
from .client_read import ClientRead
from .client_rotate import ClientRotate
from .client_status import ClientStatus
from .client_with_secret import ClientWithSecret
from .collateral import Collateral
from .commitment import Commitment
from .commitment_figures import CommitmentFigures
from .commitment_page import CommitmentPage
from .commitment_read import CommitmentRead
from .commitment_state import CommitmentState
from .commitment_stats import CommitmentStats
from .commitment_stats_by_department import CommitmentStatsByDepartment
from .counts_by_key import CountsByKey
from .credit_rating import CreditRating
from .critical_path_read import CriticalPathRead
from .critical_path_stats import CriticalPathStats
from .days_to_money import DaysToMoney
from .dead_letter_page import DeadLetterPage
from .dead_letter_read import DeadLetterRead
from .dead_letter_read_payload import DeadLetterReadPayload
from .decision import Decision
from .decision_create import DecisionCreate
from .delivery_attempt import DeliveryAttempt
from .delivery_page import DeliveryPage
from .delivery_read import DeliveryRead
from .delivery_read_payload import DeliveryReadPayload
from .delivery_status import DeliveryStatus
from .department import Department
from .department_delay import DepartmentDelay
from .department_path import DepartmentPath
from .department_stats import DepartmentStats
from .department_tasks import DepartmentTasks
from .department_week import DepartmentWeek
from .disbursement_create import DisbursementCreate
from .disbursement_read import DisbursementRead
from .document_read import DocumentRead
from .enterprise_create import EnterpriseCreate
from .enterprise_page import EnterprisePage
from .enterprise_policies import EnterprisePolicies
from .enterprise_read import EnterpriseRead
from .enterprise_snapshot import EnterpriseSnapshot
from .enterprise_update import EnterpriseUpdate
from .event_bank_figures import EventBankFigures
from .event_create import EventCreate
from .event_figures import EventFigures
from .event_read import EventRead
from .event_results import EventResults
from .event_stats import EventStats
from .event_with_stats import EventWithStats
from .field_error import FieldError
from .finance_application_create import FinanceApplicationCreate
from .finance_decision import FinanceDecision
from .finance_decision_create import FinanceDecisionCreate
from .finance_stats import FinanceStats
from .finance_stats_by_bank import FinanceStatsByBank
from .finance_week import FinanceWeek
from .finance_weekly import FinanceWeekly
from .first_talk_to_signing import FirstTalkToSigning
from .fixed_benefit import FixedBenefit
from .grade import Grade
from .grant_confirm import GrantConfirm
from .grant_decision import GrantDecision
from .grant_decision_decision import GrantDecisionDecision
from .grant_page import GrantPage
from .grant_read import GrantRead
from .grant_revoke import GrantRevoke
from .grant_status import GrantStatus
from .hall_create import HallCreate
from .hall_detail import HallDetail
from .hall_page import HallPage
from .hall_read import HallRead
from .health import Health
from .health_services import HealthServices
from .health_status import HealthStatus
from .hours_range_body import HoursRangeBody
from .hours_range_read import HoursRangeRead
from .industry_section import IndustrySection
from .intake_stats import IntakeStats
from .intake_stats_by_category import IntakeStatsByCategory
from .intake_stats_by_department import IntakeStatsByDepartment
from .intake_week import IntakeWeek
from .intake_weekly import IntakeWeekly
from .intake_weekly_by_department import IntakeWeeklyByDepartment
from .lead import Lead
from .lead_page import LeadPage
from .liaison_assign import LiaisonAssign
from .loan_application_page import LoanApplicationPage
from .loan_application_read import LoanApplicationRead
from .loan_status import LoanStatus
from .login_form import LoginForm
from .match import Match
from .match_extra import MatchExtra
from .matches_with_near_misses import MatchesWithNearMisses
from .material_source import MaterialSource
from .material_state import MaterialState
from .matter_create import MatterCreate
from .matter_department import MatterDepartment
from .matter_figures import MatterFigures
from .matter_material import MatterMaterial
from .matter_page import MatterPage
from .matter_read import MatterRead
from .meeting_create import MeetingCreate
from .meeting_page import MeetingPage
from .meeting_read import MeetingRead
from .meeting_stats import MeetingStats
from .meeting_with_stats import MeetingWithStats
from .message_status import MessageStatus
from .near_miss import NearMiss
from .near_miss_counts import NearMissCounts
from .need_create import NeedCreate
from .need_page import NeedPage
from .need_read import NeedRead
from .need_status import NeedStatus
from .onsite_counts import OnsiteCounts
from .onsite_create import OnsiteCreate
from .onsite_figures import OnsiteFigures
from .onsite_figures_by_department import OnsiteFiguresByDepartment
from .onsite_page import OnsitePage
from .onsite_read import OnsiteRead
from .onsite_schedule import OnsiteSchedule
from .onsite_status import OnsiteStatus
from .orphan_sweep_read import OrphanSweepRead
from .overdue_project import OverdueProject
from .overdue_targets import OverdueTargets
from .password_change import PasswordChange
from .payment_outcome import PaymentOutcome
from .payment_read import PaymentRead
from .policy_create import PolicyCreate
from .policy_eligibility import PolicyEligibility
from .policy_figures import PolicyFigures
from .policy_figures_of import PolicyFiguresOf
from .policy_fit import PolicyFit
from .policy_mode import PolicyMode
from .policy_near_miss import PolicyNearMiss
from .policy_page import PolicyPage
from .policy_read import PolicyRead
from .policy_stats import PolicyStats
from .policy_status import PolicyStatus
from .precheck_covered import PrecheckCovered
from .precheck_create import PrecheckCreate
from .precheck_missing import PrecheckMissing
from .precheck_read import PrecheckRead
from .problem import Problem
from .problem_code import ProblemCode
from .product_batch import ProductBatch
from .product_batch_item import ProductBatchItem
from .product_batch_result import ProductBatchResult
from .product_create import ProductCreate
from .product_page import ProductPage
from .product_read import ProductRead
from .product_status import ProductStatus
from .product_sync_item import ProductSyncItem
from .product_terms import ProductTerms
from .profile_resync import ProfileResync
from .project_action import ProjectAction
from .project_application import ProjectApplication
from .project_create import ProjectCreate
from .project_detail import ProjectDetail
from .project_event_read import ProjectEventRead
from .project_event_read_details import ProjectEventReadDetails
from .project_figures import ProjectFigures
from .project_page import ProjectPage
from .project_read import ProjectRead
from .project_record_read import ProjectRecordRead
from .project_request import ProjectRequest
from .project_stage import ProjectStage
from .project_stage_change import ProjectStageChange
from .project_stats import ProjectStats
from .project_stats_by_chain import ProjectStatsByChain
from .project_stats_by_stage import ProjectStatsByStage
from .project_update import ProjectUpdate
from .public_approval import PublicApproval
from .public_finance import PublicFinance
from .public_requests import PublicRequests
from .public_stats import PublicStats
from .rate_benefit import RateBenefit
from .reminder_run import ReminderRun
from .request_action import RequestAction
from .request_assign import RequestAssign
from .request_attachment_page import RequestAttachmentPage
from .request_attachment_read import RequestAttachmentRead
from .request_create import RequestCreate
from .request_detail import RequestDetail
from .request_event_read import RequestEventRead
from .request_event_read_details import RequestEventReadDetails
from .request_feedback import RequestFeedback
from .request_note import RequestNote
from .request_page import RequestPage
from .request_read import RequestRead
from .request_reply import RequestReply
from .request_status import RequestStatus
from .role import Role
from .rule_count import RuleCount
from .same_year_figures import SameYearFigures
from .scan_status import ScanStatus
from .scope import Scope
from .service_state import ServiceState
from .sign_create import SignCreate
from .slot_list import SlotList
from .slot_read import SlotRead
from .supplement_create import SupplementCreate
from .sweep_result import SweepResult
from .sync_counts import SyncCounts
from .sync_result import SyncResult
from .task_page import TaskPage
from .task_read import TaskRead
from .task_status import TaskStatus
from .timeline_item import TimelineItem
from .timeline_kind import TimelineKind
from .timeline_page import TimelinePage
from .timeline_service import TimelineService
from .token_response import TokenResponse
from .upload_material_body import UploadMaterialBody
from .vault_document_read import VaultDocumentRead
from .vault_page import VaultPage
from .webhook_create import WebhookCreate
from .webhook_created import WebhookCreated
from .webhook_event import WebhookEvent
from .webhook_page import WebhookPage
from .webhook_read import WebhookRead
from .webhook_update import WebhookUpdate
from .weekday import Weekday
from .window_body import WindowBody
from .window_read import WindowRead
from .year_schedule_body import YearScheduleBody

__all__ = (
    "AccessEntry",
    "AccessKind",
    "AccessPage",
    "AccountCreate",
    "AccountCreateRole",
    "AccountRead",
    "AccountUpdate",
    "AccountUpdateRoleType0",
    "ActorKind",
    "AddVaultDocumentBody",
    "ApplicationCreate",
    "ApplicationMaterialRead",
    "ApplicationMaterials",
    "ApplicationPage",
    "ApplicationRead",
    "ApplicationStatus",
    "AppointmentCreate",
    "AppointmentFigures",
    "AppointmentPage",
    "AppointmentRead",
    "AppointmentReschedule",
    "AppointmentStats",
    "AppointmentStatsByHall",
    "AppointmentStatsByMatter",
    "AppointmentStatus",
    "ApprovalDepartmentWeek",
    "ApprovalForecast",
    "ApprovalStats",
    "ApprovalStatsByDepartment",
    "ApprovalStatsByMatter",
    "ApprovalWeek",
    "ApprovalWeekly",
    "ApprovalWeeklyByDepartment",
    "AttachmentPart",
    "AttachToRequestBody",
    "AttachToRequestBodyPart",
    "AuditEntry",
    "AuditEntryAfterType0",
    "AuditEntryBeforeType0",
    "AuditPage",
    "BankCreate",
    "BankFigures",
    "BankPage",
    "BankRead",
    "CalendarYearWrite",
    "Category",
    "Chain",
    "Channel",
    "ClientCreate",
    "ClientPage",
    "ClientRead",
    "ClientRotate",
    "ClientStatus",
    "ClientWithSecret",
    "Collateral",
    "Commitment",
    "CommitmentFigures",
    "CommitmentPage",
    "CommitmentRead",
    "CommitmentState",
    "CommitmentStats",
    "CommitmentStatsByDepartment",
    "CountsByKey",
    "CreditRating",
    "CriticalPathRead",
    "CriticalPathStats",
    "DaysToMoney",
    "DeadLetterPage",
    "DeadLetterRead",
    "DeadLetterReadPayload",
    "Decision",
    "DecisionCreate",
    "DeliveryAttempt",
    "DeliveryPage",
    "DeliveryRead",
    "DeliveryReadPayload",
    "DeliveryStatus",
    "Department",
    "DepartmentDelay",
    "DepartmentPath",
    "DepartmentStats",
    "DepartmentTasks",
    "DepartmentWeek",
    "DisbursementCreate",
    "DisbursementRead",
    "DocumentRead",
    "EnterpriseCreate",
    "EnterprisePage",
    "EnterprisePolicies",
    "EnterpriseRead",
    "EnterpriseSnapshot",
    "EnterpriseUpdate",
    "EventBankFigures",
    "EventCreate",
    "EventFigures",
    "EventRead",
    "EventResults",
    "EventStats",
    "EventWithStats",
    "FieldError",
    "FinanceApplicationCreate",
    "FinanceDecision",
    "FinanceDecisionCreate",
    "FinanceStats",
    "FinanceStatsByBank",
    "FinanceWeek",
    "FinanceWeekly",
    "FirstTalkToSigning",
    "FixedBenefit",
    "Grade",
    "GrantConfirm",
    "GrantDecision",
    "GrantDecisionDecision",
    "GrantPage",
    "GrantRead",
    "GrantRevoke",
    "GrantStatus",
    "HallCreate",
    "HallDetail",
    "HallPage",
    "HallRead",
    "Health",
    "HealthServices",
    "HealthStatus",
    "HoursRangeBody",
    "HoursRangeRead",
    "IndustrySection",
    "IntakeStats",
    "IntakeStatsByCategory",
    "IntakeStatsByDepartment",
    "IntakeWeek",
    "IntakeWeekly",
    "IntakeWeeklyByDepartment",
    "Lead",
    "LeadPage",
    "LiaisonAssign",
    "LoanApplicationPage",
    "LoanApplicationRead",
    "LoanStatus",
    "LoginForm",
    "Match",
    "MatchesWithNearMisses",
    "MatchExtra",
    "MaterialSource",
    "MaterialState",
    "MatterCreate",
    "MatterDepartment",
    "MatterFigures",
    "MatterMaterial",
    "MatterPage",
    "MatterRead",
    "MeetingCreate",
    "MeetingPage",
    "MeetingRead",
    "MeetingStats",
    "MeetingWithStats",
    "MessageStatus",
    "NearMiss",
    "NearMissCounts",
    "NeedCreate",
    "NeedPage",
    "NeedRead",
    "NeedStatus",
    "OnsiteCounts",
    "OnsiteCreate",
    "OnsiteFigures",
    "OnsiteFiguresByDepartment",
    "OnsitePage",
    "OnsiteRead",
    "OnsiteSchedule",
    "OnsiteStatus",
    "OrphanSweepRead",
    "OverdueProject",
    "OverdueTargets",
    "PasswordChange",
    "PaymentOutcome",
    "PaymentRead",
    "PolicyCreate",
    "PolicyEligibility",
    "PolicyFigures",
    "PolicyFiguresOf",
    "PolicyFit",
    "PolicyMode",
    "PolicyNearMiss",
    "PolicyPage",
    "PolicyRead",
    "PolicyStats",
    "PolicyStatus",
    "PrecheckCovered",
    "PrecheckCreate",
    "PrecheckMissing",
    "PrecheckRead",
    "Problem",
    "ProblemCode",
    "ProductBatch",
    "ProductBatchItem",
    "ProductBatchResult",
    "ProductCreate",
    "ProductPage",
    "ProductRead",
    "ProductStatus",
    "ProductSyncItem",
    "ProductTerms",
    "ProfileResync",
    "ProjectAction",
    "ProjectApplication",
    "ProjectCreate",
    "ProjectDetail",
    "ProjectEventRead",
    "ProjectEventReadDetails",
    "ProjectFigures",
    "ProjectPage",
    "ProjectRead",
    "ProjectRecordRead",
    "ProjectRequest",
    "ProjectStage",
    "ProjectStageChange",
    "ProjectStats",
    "ProjectStatsByChain",
    "ProjectStatsByStage",
    "ProjectUpdate",
    "PublicApproval",
    "PublicFinance",
    "PublicRequests",
    "PublicStats",
    "RateBenefit",
    "ReminderRun",
    "RequestAction",
    "RequestAssign",
    "RequestAttachmentPage",
    "RequestAttachmentRead",
    "RequestCreate",
    "RequestDetail",
    "RequestEventRead",
    "RequestEventReadDetails",
    "RequestFeedback",
    "RequestNote",
    "RequestPage",
    "RequestRead",
    "RequestReply",
    "RequestStatus",
    "Role",
    "RuleCount",
    "SameYearFigures",
    "ScanStatus",
    "Scope",
    "ServiceState",
    "SignCreate",
    "SlotList",
    "SlotRead",
    "SupplementCreate",
    "SweepResult",
    "SyncCounts",
    "SyncResult",
    "TaskPage",
    "TaskRead",
    "TaskStatus",
    "TimelineItem",
    "TimelineKind",
    "TimelinePage",
    "TimelineService",
    "TokenResponse",
    "UploadMaterialBody",
    "VaultDocumentRead",
    "VaultPage",
    "WebhookCreate",
    "WebhookCreated",
    "WebhookEvent",
    "WebhookPage",
    "WebhookRead",
    "WebhookUpdate",
    "Weekday",
    "WindowBody",
    "WindowRead",
    "YearScheduleBody",
)
