import AgendaStore
import Foundation
import Hummingbird

extension WebServer {
    func addCustomerRoutes(to router: Router<WebContext>) {
        router.get("/customers/:id") { _, context -> Response in
            let session = try Self.session(context)
            guard let id = context.parameters.get("id", as: Int64.self),
                  let customer = try await store.customer(CustomerID(id)),
                  Self.may(session.user, see: customer) else { throw WebError.notFound }
            var items: [CustomerView.ItemLine] = []
            for item in try await store.items(of: customer.id) {
                items.append(.init(item: item, changes: try await store.qualificationChanges(of: item.id)))
            }
            let contacts = try await store.contacts(of: customer.id)
            let actions = try await store.actions(of: customer.id)
            let replies = try await store.replies(AgendaQuery(today: today(), customer: customer.id, limit: 200)).rows
            let timeline = (actions.map(CustomerView.Event.action) + replies.map(CustomerView.Event.reply))
                .sorted { $0.day > $1.day }
            return Responses.html(CustomerView.page(session: session, customer: customer, items: items,
                                                    contacts: contacts, timeline: timeline))
        }
    }
}
