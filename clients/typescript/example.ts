// Log in as the admin, register an enterprise, raise a request on its behalf, and show how a UI switches
// on a problem's `code`. Compiled by `make clients-check` (tsc --strict, no casts).
import { Kuaiban, ProblemError, type ProblemCode, type Schemas, unwrap } from "./src/index.js";

/** The message a UI shows for an error answer: by `code`, never by matching text. */
export function messageFor(error: ProblemError): string {
  const code: ProblemCode = error.code;
  switch (code) {
    case "duplicate_uscc":
      return "该企业已登记，请直接搜索。";
    case "invalid_transition":
      return "此事项已被他人处理，请刷新。";
    case "validation_failed":
      return error.errors.map((field) => `${field.field}: ${field.message}`).join("\n");
    case "unauthenticated":
    case "invalid_credentials":
      return "请重新登录。";
    case "rate_limited":
      return "请求过于频繁，请稍后再试。";
    default:
      return error.detail; // already in the user's language
  }
}

export async function main(baseUrl: string, adminPassword: string): Promise<void> {
  const kuaiban = new Kuaiban({ baseUrl });
  const token = await kuaiban.login("admin", adminPassword);
  console.log(`logged in as ${token.role}, token valid until ${kuaiban.expiresAt?.toISOString()}`);

  const enterprise: Schemas["EnterpriseCreate"] = {
    uscc: "91340621MA2TG8XK4H",
    name: "安徽濉溪经济开发区新材料有限公司",
    industry: "C",
    town: "濉溪镇",
    established_on: "2019-05-16",
  };
  let enterpriseId: string;
  try {
    const created = await unwrap(kuaiban.api.POST("/intake/enterprises", { body: enterprise }));
    enterpriseId = created.id;
  } catch (error) {
    if (error instanceof ProblemError) {
      console.log(messageFor(error)); // a second run answers 409 `duplicate_uscc`
      return;
    }
    throw error;
  }

  const request = await unwrap(
    kuaiban.api.POST("/intake/requests", {
      body: {
        enterprise_id: enterpriseId,
        title: "新建厂房电力增容",
        description: "百善镇新建铝基材料厂房需增容 800 千伏安，请协调供电部门尽快接入。",
        category: "power",
        channel: "tea_meeting",
      },
    }),
  );
  console.log(`request ${request.id} is ${request.status}`);

  const detail = await unwrap(
    kuaiban.api.GET("/intake/requests/{request_id}", { params: { path: { request_id: request.id } } }),
  );
  for (const event of detail.events) {
    console.log(`${event.at} ${event.actor} ${event.action}`);
  }
}
