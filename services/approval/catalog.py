"""The demo catalog of service matters (事项) that `make run` seeds, modelled on 濉溪县's 快办 practice:
company opening in one working day across five departments, a construction permit, a power hookup."""

from services.approval.schemas import MatterCreate

CATALOG = [
    {
        "code": "QYKB-001",
        "name": "企业开办“一件事”（设立登记、公章刻制、发票申领、社保及公积金登记）",
        "sla_working_days": 1,
        "deemed_approval": False,
        "departments": [
            {"department": "market", "task_name": "企业设立登记", "sla_working_days": 1},
            {"department": "public_security", "task_name": "公章刻制备案", "sla_working_days": 1},
            {"department": "tax", "task_name": "涉税事项办理及发票申领", "sla_working_days": 1},
            {"department": "hrss", "task_name": "社会保险参保登记", "sla_working_days": 1},
            {"department": "housing_fund", "task_name": "住房公积金缴存登记", "sla_working_days": 1},
        ],
        "materials": [
            {"code": "registration_form", "name": "企业设立登记申请书", "waivable": False},
            {"code": "articles", "name": "公司章程", "waivable": False},
            {"code": "premises_proof", "name": "住所（经营场所）使用证明", "waivable": True},
        ],
    },
    {
        "code": "SGXK-001",
        "name": "建筑工程施工许可证核发",
        "sla_working_days": 5,
        "deemed_approval": True,
        "departments": [
            {"department": "housing", "task_name": "施工许可审查", "sla_working_days": 5},
            {"department": "natural_resources", "task_name": "建设工程规划许可核验", "sla_working_days": 3},
            {"department": "ecology", "task_name": "环境影响评价审查", "sla_working_days": 5},
            {"department": "development_reform", "task_name": "项目备案核验", "sla_working_days": 2},
        ],
        "materials": [
            {"code": "construction_contract", "name": "施工合同", "waivable": False},
            {"code": "drawing_review", "name": "施工图审查合格书", "waivable": False},
            {"code": "funding_proof", "name": "建设资金已落实承诺书", "waivable": True},
        ],
    },
    {
        "code": "YDBZ-001",
        "name": "高压用电报装（含占道掘路许可）",
        "sla_working_days": 3,
        "deemed_approval": True,
        "departments": [
            {"department": "power", "task_name": "供电方案答复", "sla_working_days": 2},
            {"department": "natural_resources", "task_name": "占用挖掘道路许可", "sla_working_days": 3},
        ],
        "materials": [
            {"code": "power_application", "name": "用电申请表", "waivable": False},
            {"code": "property_proof", "name": "用电地址产权证明", "waivable": True},
        ],
    },
]


def matters() -> list[MatterCreate]:
    return [MatterCreate.model_validate(entry) for entry in CATALOG]
