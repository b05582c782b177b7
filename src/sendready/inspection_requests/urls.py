from django.urls import path

from sendready.inspection_requests.views import board, files, requests, room, room_admin

app_name = "inspection_requests"
base = "areas/<str:area_code>/requests/"
board_base = base + "inspections/<int:inspection_id>/"
one = base + "<int:request_id>/"
room_base = "evidence-room/<int:access_id>/"
urlpatterns = [
    path(base, board.board_home, name="board_home"),
    path(base + "mine/", board.my_requests, name="mine"),
    path(base + "owners/<int:user_id>/", board.owner_page, name="owner"),
    path(board_base, board.board, name="board"),
    path(board_base + "board.json", board.board_json, name="board_json"),
    path(board_base + "new/", requests.request_new, name="new"),
    path(board_base + "paste/", requests.request_paste, name="paste"),
    path(board_base + "evidence-room/", room_admin.inspectors, name="inspectors"),
    path(
        board_base + "evidence-room/<int:access_id>/end/", room_admin.access_end, name="access_end"
    ),
    path(board_base + "shared/", room_admin.shared, name="shared"),
    path(board_base + "shared-with-inspectors.xlsx", room_admin.shared_xlsx, name="shared_xlsx"),
    path(one, requests.request_detail, name="detail"),
    path(one + "change/", requests.request_edit, name="edit"),
    path(one + "move/", requests.request_move, name="move"),
    path(one + "answer/", requests.request_answer, name="answer"),
    path(one + "comment/", requests.request_comment, name="comment"),
    path(one + "files/", files.file_add, name="file_add"),
    path(one + "files/<int:file_id>/", files.file_download, name="file_download"),
    path(one + "files/<int:file_id>/remove/", files.file_remove, name="file_remove"),
    path("evidence-room/", room.room_home, name="room_home"),
    path(room_base, room.room, name="room"),
    path(room_base + "items/<int:request_id>/", room.room_item, name="room_item"),
    path(room_base + "files/<int:file_id>/", room.room_file, name="room_file"),
]
